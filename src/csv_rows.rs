//! Reading a CSV file a person made, so every bad row can be reported at once.

use csv::StringRecord;

/// A reader over `text` as a spreadsheet saved it: without a leading byte-order mark (which
/// would hide the first column's name), fields trimmed, and separated by commas, semicolons
/// or tabs, whichever the header line uses most. Spreadsheets set to a European locale save
/// "CSV" with semicolons, because the comma is their decimal point.
///
/// Line ends are read as `\n`: a CSV saved on Windows ends its lines with `\r\n`, which the
/// reader's line count takes one line short of where a person sees it, so every problem
/// would be reported on the line above.
pub fn reader(text: &str) -> csv::Reader<std::io::Cursor<Vec<u8>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(std::io::Cursor::new(text.into_bytes()))
}

/// The separator the first line uses most outside quotes; a comma when it uses none.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some((_, n)) = counts.iter_mut().find(|(d, _)| *d == b) {
                *n += 1;
            }
        }
    }
    // Ties go to the comma, the first listed.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Each record of `reader` with its line number, or the problem reading it as
/// `line N: why`, in file order, so a caller can list every problem and go on. The empty
/// rows a spreadsheet leaves under its table (",,,") are no records.
pub fn numbered_records<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
) -> impl Iterator<Item = Result<(u64, StringRecord), String>> + '_ {
    reader.records().filter_map(|record| match record {
        Ok(record) if record.iter().all(str::is_empty) => None,
        Ok(record) => Some(Ok((record.position().map_or(0, |p| p.line()), record))),
        Err(e) => Some(Err(format!(
            "line {}: {e}",
            e.position().map_or(0, |p| p.line())
        ))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_file_reports_the_lines_a_person_sees() {
        for text in [
            "a,b\nx,1\ny,2\n",
            "a,b\r\nx,1\r\ny,2\r\n",
            "\u{feff}a,b\r\nx,1\r\ny,2",
        ] {
            let mut r = reader(text);
            let lines: Vec<u64> = numbered_records(&mut r).map(|row| row.unwrap().0).collect();
            assert_eq!(lines, vec![2, 3], "{text:?}");
        }
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        let mut r = reader(text);
        let mut all = vec![r.headers().unwrap().iter().map(str::to_owned).collect()];
        for row in numbered_records(&mut r) {
            all.push(row.unwrap().1.iter().map(str::to_owned).collect());
        }
        all
    }

    #[test]
    fn the_separator_is_the_one_the_header_uses() {
        let expected = vec![vec!["area", "expected"], vec!["Exeter", "12,5"]];
        assert_eq!(rows("area;expected\nExeter;12,5\n"), expected);
        assert_eq!(rows("\u{feff}area\texpected\r\nExeter\t12,5\r\n"), expected);
        assert_eq!(rows("area , expected\nExeter,\"12,5\"\n"), expected);
        // A comma inside a quoted header name does not make it a comma file.
        assert_eq!(
            rows("\"area, district\";expected\nExeter;1\n"),
            vec![vec!["area, district", "expected"], vec!["Exeter", "1"]]
        );
        assert_eq!(rows("area\nExeter\n"), vec![vec!["area"], vec!["Exeter"]]);
    }
}
