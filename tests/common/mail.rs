//! Real mail servers for the email tests, each on a free loopback port in a throwaway folder:
//! Dovecot (IMAP, Debian's `dovecot-imapd`) with one passwd-file user and a maildir, and
//! Python's `aiosmtpd` (SMTP) writing every message it receives to a folder.
//! Both are waited for by connecting, with bounded retries, never by sleeping blind.

use std::io::{BufRead, BufReader, Read};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A port nobody is listening on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Waits until `check` is true, trying every 50 ms for at most `within`.
pub fn wait_until(within: Duration, what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < within, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Async form of [`wait_until`], for checks that query the database.
pub async fn wait_for<F, Fut>(within: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !check().await {
        assert!(start.elapsed() < within, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn sigterm(child: &mut Child) {
    // SIGTERM lets the server stop its own children; SIGKILL would orphan them.
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// A Dovecot IMAP server with one user, `views`, whose mail is a maildir in a tempdir.
pub struct Dovecot {
    pub dir: TempDir,
    pub port: u16,
    /// With [`Dovecot::start_tls`]: the PEM file of the private CA that signed its certificate.
    pub ca_file: Option<PathBuf>,
    /// With [`Dovecot::start_tls`]: a plain-text port that offers STARTTLS (and no login
    /// before it).
    pub starttls_port: Option<u16>,
    pub user: String,
    pub password: String,
    child: Child,
    /// uid:gid that owns the maildir, so Dovecot (as that user) can write it.
    owner: (u32, u32),
}

/// Makes a private CA and a server certificate it signs, for `localhost` and 127.0.0.1,
/// with the `openssl` command: `ca.pem`, `server.pem` and `server.key` in `dir`.
fn make_certificates(dir: &Path) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("run openssl (Debian's openssl package)");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let key = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509", "-days", "2", "-subj", "/CN=heard test CA"];
    ca.extend(key);
    ca.extend(["-keyout", "ca.key", "-out", "ca.pem"]);
    ca.extend(["-addext", "basicConstraints=critical,CA:TRUE"]);
    ca.extend(["-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
    run(&ca);
    let mut csr = vec!["req", "-new", "-subj", "/CN=localhost"];
    csr.extend(key);
    csr.extend(["-keyout", "server.key", "-out", "server.csr"]);
    run(&csr);
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName = DNS:localhost, IP:127.0.0.1\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature\nextendedKeyUsage = serverAuth\n",
    )
    .expect("server.ext");
    run(&[
        "x509",
        "-req",
        "-days",
        "2",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-extfile",
        "server.ext",
        "-out",
        "server.pem",
    ]);
}

impl Dovecot {
    /// Plain IMAP on a loopback port.
    pub fn start() -> Dovecot {
        Dovecot::start_with(false)
    }

    /// IMAP over implicit TLS (`ssl = required`, an `imaps`-style listener on `port`) and
    /// STARTTLS on [`Dovecot::starttls_port`], with a
    /// certificate for `localhost` and 127.0.0.1 signed by a private CA ([`Dovecot::ca_file`]).
    pub fn start_tls() -> Dovecot {
        Dovecot::start_with(true)
    }

    fn start_with(tls: bool) -> Dovecot {
        ensure_installed();
        let binary = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("Dovecot is not installed: apt-get install dovecot-imapd (see .ci/run)");
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let uid: u32 = command_output("id", &["-u"]).parse().unwrap_or(0);
        let gid: u32 = command_output("id", &["-g"]).parse().unwrap_or(0);
        let user_name = command_output("id", &["-un"]);
        let group_name = command_output("id", &["-gn"]);
        // Dovecot refuses mail access as root, and its login process must not be root. As
        // root, the mail belongs to `nobody` and Dovecot's own system users do the rest;
        // as anyone else, everything runs as that user.
        let (owner, service_users) = if uid == 0 {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755))
                .expect("open the temp dir to the mail user");
            ((65534, 65534), String::new())
        } else {
            (
                (uid, gid),
                format!(
                    "default_internal_user = {user_name}\ndefault_internal_group = {group_name}\ndefault_login_user = {user_name}\n"
                ),
            )
        };
        let mail = root.join("mail");
        std::fs::create_dir_all(mail.join("views")).expect("mail dir");
        for sub in ["", "views"] {
            let _ = std::os::unix::fs::chown(mail.join(sub), Some(owner.0), Some(owner.1));
        }
        let port = free_port();
        let password = "imap-test-password".to_owned();
        std::fs::write(
            root.join("passwd"),
            format!(
                "views:{{PLAIN}}{password}:{}:{}::{}::\n",
                owner.0,
                owner.1,
                mail.join("views").display()
            ),
        )
        .expect("passwd file");
        let r = root.display();
        let (ssl, plain_port, tls_port) = if tls {
            make_certificates(root);
            (
                format!("ssl = required\nssl_cert = <{r}/server.pem\nssl_key = <{r}/server.key\n"),
                free_port(),
                port,
            )
        } else {
            ("ssl = no\n".to_owned(), port, 0)
        };
        let config = format!(
            r#"base_dir = {r}/run
state_dir = {r}/state
log_path = {r}/dovecot.log
instance_name = heard-test-{port}
protocols = imap
listen = 127.0.0.1
{ssl}disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
{service_users}mail_location = maildir:{r}/mail/%u
namespace inbox {{
  inbox = yes
  separator = /
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {r}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {r}/passwd
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {plain_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"#
        );
        let config_path = root.join("dovecot.conf");
        std::fs::write(&config_path, config).expect("dovecot.conf");
        let child = Command::new(binary)
            .arg("-F")
            .arg("-c")
            .arg(&config_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dovecot");
        let dovecot = Dovecot {
            ca_file: tls.then(|| root.join("ca.pem")),
            starttls_port: tls.then_some(plain_port),
            dir,
            port,
            user: "views".into(),
            password,
            child,
            owner,
        };
        wait_until(Duration::from_secs(20), "Dovecot's greeting", || {
            let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
                return false;
            };
            if tls {
                // The greeting comes only after a TLS handshake; the port is enough.
                return true;
            }
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut greeting = [0u8; 4];
            stream.read_exact(&mut greeting).is_ok() && &greeting == b"* OK"
        });
        dovecot
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("mail/views")
    }

    /// Delivers a message into the inbox as a mail server would: into the maildir's `new/`.
    pub fn deliver(&self, raw: &[u8]) {
        let maildir = self.maildir();
        for sub in ["tmp", "new", "cur"] {
            let path = maildir.join(sub);
            std::fs::create_dir_all(&path).expect("maildir");
            let _ = std::os::unix::fs::chown(&path, Some(self.owner.0), Some(self.owner.1));
        }
        let name = format!(
            "{}.{}.heard-test",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        );
        let tmp = maildir.join("tmp").join(&name);
        std::fs::write(&tmp, raw).expect("write message");
        let _ = std::os::unix::fs::chown(&tmp, Some(self.owner.0), Some(self.owner.1));
        std::fs::rename(&tmp, maildir.join("new").join(&name)).expect("deliver message");
    }

    /// How many messages a folder holds (`INBOX` or another folder's name).
    pub fn count(&self, folder: &str) -> usize {
        let dir = if folder.eq_ignore_ascii_case("INBOX") {
            self.maildir()
        } else {
            self.maildir().join(format!(".{folder}"))
        };
        ["new", "cur"]
            .iter()
            .map(|sub| {
                std::fs::read_dir(dir.join(sub))
                    .map(|d| d.count())
                    .unwrap_or(0)
            })
            .sum()
    }

    /// The settings that point heard at this mailbox.
    pub fn settings(&self, processed: &str) -> Vec<(String, String)> {
        vec![
            ("HEARD_IMAP_HOST".into(), "127.0.0.1".into()),
            ("HEARD_IMAP_PORT".into(), self.port.to_string()),
            ("HEARD_IMAP_TLS".into(), self.ca_file.is_some().to_string()),
            ("HEARD_IMAP_USER".into(), self.user.clone()),
            ("HEARD_IMAP_PASSWORD".into(), self.password.clone()),
            ("HEARD_IMAP_PROCESSED_FOLDER".into(), processed.into()),
            ("HEARD_IMAP_POLL_SECS".into(), "1".into()),
        ]
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        sigterm(&mut self.child);
    }
}

const SMTP_CAPTURE: &str = r#"
import os, signal, sys, threading, uuid
from aiosmtpd.controller import Controller

out, port = sys.argv[1], int(sys.argv[2])

class Capture:
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(out, uuid.uuid4().hex)
        with open(name + ".tmp", "wb") as f:
            f.write(("X-Test-Rcpt-To: " + ",".join(envelope.rcpt_tos) + "\r\n").encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name + ".eml")
        return "250 OK"

controller = Controller(Capture(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
done = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: done.set())
done.wait()
controller.stop()
"#;

/// An SMTP server that keeps every message it is sent, as a file, to be read by the test.
pub struct SmtpCapture {
    pub dir: TempDir,
    pub port: u16,
    child: Child,
}

impl SmtpCapture {
    pub fn start() -> SmtpCapture {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = dir.path().join("capture.py");
        std::fs::write(&script, SMTP_CAPTURE).expect("write capture script");
        let out = dir.path().join("messages");
        std::fs::create_dir(&out).expect("messages dir");
        ensure_installed();
        let port = free_port();
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(&out)
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start python3 with aiosmtpd (pip install aiosmtpd; see .ci/run)");
        let mut ready = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut ready)
            .expect("read the capture server's first line");
        assert_eq!(
            ready.trim(),
            "ready",
            "the SMTP capture server did not start: is aiosmtpd installed?"
        );
        wait_until(Duration::from_secs(10), "the SMTP port", || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        SmtpCapture { dir, port, child }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, oldest first.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path().join("messages"))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
    }

    /// Waits until at least `n` messages have arrived, and returns them.
    pub fn wait_for(&self, n: usize) -> Vec<Vec<u8>> {
        wait_until(
            Duration::from_secs(20),
            &format!("{n} acknowledgements"),
            || self.messages().len() >= n,
        );
        self.messages()
    }
}

impl Drop for SmtpCapture {
    fn drop(&mut self) {
        sigterm(&mut self.child);
    }
}

/// Installs Dovecot and aiosmtpd once per test run when either is missing
/// (`tests/setup/mail-servers.sh`), so `cargo test` needs no set-up of its own.
pub fn ensure_installed() {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    DONE.get_or_init(|| {
        let dovecot = Path::new("/usr/sbin/dovecot").exists();
        let aiosmtpd = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if dovecot && aiosmtpd {
            return;
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/setup/mail-servers.sh");
        let status = Command::new("bash")
            .arg(&script)
            .status()
            .expect("run tests/setup/mail-servers.sh");
        assert!(
            status.success(),
            "installing Dovecot and aiosmtpd failed: run {} as root",
            script.display()
        );
    });
}
