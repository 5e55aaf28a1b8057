//! The files pages link to: stylesheets, the script and the pictures, all compiled in.
//!
//! Each is compressed once, with Brotli and gzip at their smallest, the first time it is
//! asked for; compressing it again for every response (as pages are) cost more CPU than the
//! rest of the request, and gave a bigger file on a child's first visit over a slow line.
//! Each carries an entity tag, so a browser whose cached copy has run out asks again and
//! gets a 304 with no body rather than the file.

use std::io::Write;
use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// A file as served: its bytes in each coding, and how it may be cached.
#[derive(Debug)]
pub struct Asset {
    content_type: &'static str,
    cache_control: &'static str,
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
    /// The content's hash, quoted as an entity tag's opaque part is, without the quotes.
    tag: String,
}

/// A content coding heard can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Asset {
    fn new(content_type: &'static str, cache_control: &'static str, body: &'static str) -> Asset {
        let identity = body.as_bytes();
        Asset {
            content_type,
            cache_control,
            identity: Bytes::from_static(identity),
            brotli: brotli_of(identity).into(),
            gzip: gzip_of(identity).into(),
            tag: hex::encode(&Sha256::digest(identity)[..12]),
        }
    }

    /// The file for a request with these headers: a 304 when the browser's copy is current,
    /// else the file in the smallest coding the browser takes.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let coding = preferred_coding(request);
        let etag = self.etag(coding);
        let mut response = if matches_any(request, &etag) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            // A handle on the bytes made once, not a copy of them.
            let mut response = self.body(coding).clone().into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(self.content_type),
            );
            if let Some(name) = coding.header() {
                response
                    .headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(self.cache_control),
        );
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Ok(value) = HeaderValue::from_str(&etag) {
            headers.insert(header::ETAG, value);
        }
        response
    }

    fn body(&self, coding: Coding) -> &Bytes {
        match coding {
            Coding::Brotli => &self.brotli,
            Coding::Gzip => &self.gzip,
            Coding::Identity => &self.identity,
        }
    }

    /// One entity tag for each coding, as each is a different sequence of bytes.
    fn etag(&self, coding: Coding) -> String {
        match coding.header() {
            Some(name) => format!("\"{}-{name}\"", self.tag),
            None => format!("\"{}\"", self.tag),
        }
    }
}

impl Coding {
    fn header(self) -> Option<&'static str> {
        match self {
            Coding::Brotli => Some("br"),
            Coding::Gzip => Some("gzip"),
            Coding::Identity => None,
        }
    }
}

fn brotli_of(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut input = body;
    match brotli::BrotliCompress(&mut input, &mut out, &params) {
        Ok(_) => out,
        // Compressing bytes in memory into memory cannot fail; if it did, the file goes
        // uncompressed rather than not at all.
        Err(_) => body.to_vec(),
    }
}

fn gzip_of(body: &[u8]) -> Vec<u8> {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::with_capacity(body.len()), flate2::Compression::best());
    match encoder.write_all(body).and_then(|()| encoder.finish()) {
        Ok(out) => out,
        Err(_) => body.to_vec(),
    }
}

/// The coding to send for a request's `Accept-Encoding` (RFC 9110, 12.5.3): the one it
/// weighs highest of Brotli, gzip and none; on a tie Brotli, then gzip, as the smaller.
/// No header at all means any coding will do, but an old client that sends none may not
/// take one, so it gets the file as it is.
pub fn preferred_coding(request: &HeaderMap) -> Coding {
    let mut weights = [None::<f32>; 3];
    let mut any = None::<f32>;
    let mut heard_header = false;
    for value in request.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        heard_header = true;
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let weight = parts
                .filter_map(|p| {
                    let (key, val) = p.split_once('=')?;
                    (key.trim().eq_ignore_ascii_case("q"))
                        .then(|| val.trim().parse::<f32>().ok())?
                })
                .next()
                .unwrap_or(1.0);
            let slot = match name.as_str() {
                "br" => &mut weights[0],
                "gzip" | "x-gzip" => &mut weights[1],
                "identity" => &mut weights[2],
                "*" => &mut any,
                _ => continue,
            };
            *slot = Some(weight);
        }
    }
    if !heard_header {
        return Coding::Identity;
    }
    let weigh = |slot: Option<f32>, default: f32| slot.or(any).unwrap_or(default);
    let candidates = [
        (Coding::Brotli, weigh(weights[0], 0.0)),
        (Coding::Gzip, weigh(weights[1], 0.0)),
        // Identity is acceptable unless refused by name or by `*;q=0`, but is sent only
        // when nothing smaller is taken, or when asked for above the rest.
        (Coding::Identity, weigh(weights[2], f32::MIN_POSITIVE)),
    ];
    candidates
        .into_iter()
        .filter(|(_, w)| *w > 0.0)
        .fold(None::<(Coding, f32)>, |best, (coding, w)| match best {
            Some((_, top)) if top >= w => best,
            _ => Some((coding, w)),
        })
        .map_or(Coding::Identity, |(coding, _)| coding)
}

/// Whether `If-None-Match` names `etag`, by the weak comparison the header uses.
fn matches_any(request: &HeaderMap, etag: &str) -> bool {
    let strip = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let etag = strip(etag);
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || strip(t) == etag)
}

const A_DAY: &str = "public, max-age=86400";
const A_WEEK: &str = "public, max-age=604800";

static HEARD_CSS: OnceLock<Asset> = OnceLock::new();
static STAFF_CSS: OnceLock<Asset> = OnceLock::new();
static HEARD_JS: OnceLock<Asset> = OnceLock::new();

pub fn heard_css() -> &'static Asset {
    HEARD_CSS.get_or_init(|| {
        let css = include_str!("../../../assets/heard.css");
        Asset::new("text/css; charset=utf-8", A_DAY, css)
    })
}

pub fn staff_css() -> &'static Asset {
    STAFF_CSS.get_or_init(|| {
        let css = include_str!("../../../assets/staff.css");
        Asset::new("text/css; charset=utf-8", A_DAY, css)
    })
}

pub fn heard_js() -> &'static Asset {
    HEARD_JS.get_or_init(|| {
        let js = include_str!("../../../assets/heard.js");
        Asset::new("text/javascript; charset=utf-8", A_DAY, js)
    })
}

/// The picture called `name`, if there is one.
pub fn picture(name: &str) -> Option<&'static Asset> {
    use crate::domain::consultation::{picture_names, picture_svg};
    type Pictures = Vec<(&'static str, &'static str, OnceLock<Asset>)>;
    static PICTURES: OnceLock<Pictures> = OnceLock::new();
    let pictures = PICTURES.get_or_init(|| {
        picture_names()
            .filter_map(|name| Some((name, picture_svg(name)?, OnceLock::new())))
            .collect()
    });
    let (_, svg, cell) = pictures.iter().find(|(n, _, _)| *n == name)?;
    Some(cell.get_or_init(|| Asset::new("image/svg+xml", A_WEEK, svg)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn the_coding_follows_accept_encoding() {
        use Coding::*;
        let cases = [
            ("gzip, deflate, br, zstd", Brotli),
            ("gzip, br", Brotli),
            ("gzip, deflate", Gzip),
            ("GZIP", Gzip),
            ("x-gzip", Gzip),
            ("br;q=0, gzip", Gzip),
            ("br;q=0.5, gzip;q=0.8", Gzip),
            ("br;q=0.8, gzip;q=0.8", Brotli),
            ("identity", Identity),
            ("deflate", Identity),
            ("", Identity),
            ("*", Brotli),
            ("*;q=0.5, br;q=0", Gzip),
            ("gzip;q=0, br;q=0", Identity),
            ("identity;q=1, br;q=0.5", Identity),
            ("br;q=nonsense", Brotli),
            ("br ; q = 0.2 , identity;q=0.1", Brotli),
        ];
        for (value, want) in cases {
            assert_eq!(preferred_coding(&accepting(value)), want, "{value:?}");
        }
        assert_eq!(preferred_coding(&HeaderMap::new()), Identity);
    }

    #[test]
    fn each_coding_holds_the_same_file() {
        let css = heard_css();
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &css.brotli[..], &mut plain).unwrap();
        assert_eq!(plain, css.identity);
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&css.gzip[..]), &mut plain)
            .unwrap();
        assert_eq!(plain, css.identity);
        assert!(css.brotli.len() < css.gzip.len() && css.gzip.len() < css.identity.len());
    }

    #[test]
    fn a_current_copy_gets_a_304() {
        let js = heard_js();
        let mut request = accepting("gzip");
        let first = js.respond(&request);
        assert_eq!(first.status(), StatusCode::OK);
        assert_eq!(first.headers()[header::CONTENT_ENCODING], "gzip");
        let etag = first.headers()[header::ETAG].clone();

        request.insert(header::IF_NONE_MATCH, etag.clone());
        let again = js.respond(&request);
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(again.headers()[header::ETAG], etag);
        assert!(again.headers().get(header::CONTENT_ENCODING).is_none());

        // Weakened by a proxy, or one of several: still current.
        let weak = format!("\"other\", W/{}", etag.to_str().unwrap());
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_str(&weak).unwrap());
        assert_eq!(js.respond(&request).status(), StatusCode::NOT_MODIFIED);

        // Another coding is another set of bytes, so another tag.
        let brotli = accepting("br");
        let mut stale = brotli.clone();
        stale.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(js.respond(&stale).status(), StatusCode::OK);
        assert_eq!(
            js.respond(&brotli).headers()[header::CONTENT_ENCODING],
            "br"
        );
    }

    #[test]
    fn every_picture_is_served() {
        for name in crate::domain::consultation::picture_names() {
            let asset = picture(name).unwrap();
            assert_eq!(asset.content_type, "image/svg+xml");
        }
        assert!(picture("no-such-picture").is_none());
    }
}
