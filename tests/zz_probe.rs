use heard::channels::sms::parse::{parse_reply, Reply};
use heard::domain::{Areas, Consultation};
use heard::i18n::Locale;

#[test]
fn probe() {
    let mut files: Vec<_> = std::fs::read_dir("/tmp/probe")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let areas = Areas::devon();
    let c = Consultation::demo();
    for path in files {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_owned();
        if ext == "eml" {
            let raw = std::fs::read(&path).unwrap();
            match heard::channels::email::read(&areas, &raw) {
                Ok(r) => println!("EML {}\n  text={:?}\n  stored={:?}\n  area={:?} group={:?} locale={:?} kind={:?}", path.display(), r.text, r.stored_text().as_str(), r.area, r.group, r.locale, r.email.kind),
                Err(e) => println!("EML {} ERR {e:?}", path.display()),
            }
            continue;
        }
        let body = std::fs::read_to_string(&path).unwrap();
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            match ext.as_str() {
                "txt" => {
                    let s = heard::privacy::scrub(line);
                    let mark = if s.as_str() == line { "  " } else { "* " };
                    println!("{mark}{line}\n   => {}", s.as_str());
                }
                "sg" => println!(
                    "{:?} <= {line}",
                    heard::safeguarding::assess(line).map(|c| c.categories)
                ),
                "sms" => {
                    let (q, rest) = line.split_once('\t').unwrap();
                    let (loc, text) = if let Some(t) = rest.strip_prefix("pl:") {
                        (Locale::PL, t)
                    } else if let Some(t) = rest.strip_prefix("ar:") {
                        (Locale::AR, t)
                    } else {
                        (Locale::EN_GB, rest)
                    };
                    let qq = c.question(q).unwrap();
                    let r: Reply = parse_reply(text, qq, &areas, loc);
                    println!("{q} {text:?} => {r:?}");
                }
                "grp" => println!(
                    "{line:?} => group {:?} area {:?}",
                    heard::channels::email::understand::find_group(line),
                    heard::channels::email::understand::find_area(&areas, &[line])
                ),
                _ => {}
            }
        }
    }
}
