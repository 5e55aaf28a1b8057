#!/usr/bin/env bash
# Installs the mail servers the email tests start on loopback: Debian's Dovecot (IMAP) and
# Python's aiosmtpd (SMTP capture). The tests run this themselves when either is missing, so
# `cargo test` sets itself up on a fresh machine; .ci/run runs it too. The system Dovecot
# service is stopped: each test starts its own, with a throwaway config.
set -euo pipefail
if [ ! -x /usr/sbin/dovecot ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null
  systemctl disable --now dovecot >/dev/null 2>&1 || service dovecot stop >/dev/null 2>&1 || true
fi
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  pip install -q aiosmtpd 2>/dev/null || pip install -q --break-system-packages aiosmtpd 2>/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi
python3 -c 'import aiosmtpd'
