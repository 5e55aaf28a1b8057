//! Reading a CSV file a person made, so every bad row can be reported at once.

use csv::StringRecord;

/// Each record of `reader` with its line number, or the problem reading it as
/// `line N: why`, in file order, so a caller can list every problem and go on.
pub fn numbered_records<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
) -> impl Iterator<Item = Result<(u64, StringRecord), String>> + '_ {
    reader.records().map(|record| match record {
        Ok(record) => Ok((record.position().map_or(0, |p| p.line()), record)),
        Err(e) => Err(format!(
            "line {}: {e}",
            e.position().map_or(0, |p| p.line())
        )),
    })
}
