//! What the SMS channel keeps: conversations by pseudonym, opt-outs, the messages already
//! taken in (with the replies they got), and the outbox. The conversation state is the
//! channel's own JSON: the store keeps it, it does not read it.
//!
//! Times are Unix seconds, so both backends store and compare them the same way.

use rusqlite::{params, OptionalExtension};
use sqlx::Row;

use super::submissions::InsertSubmission;
use super::{Direct, Store, StoreError};

/// A conversation as stored, read under the row's lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredConversation {
    /// Empty for a conversation that has only just been made.
    pub state: String,
    /// When the texter was last heard from, before this message.
    pub last_seen: i64,
    /// Whether the texter has sent STOP (and not START since).
    pub opted_out: bool,
}

/// A text waiting in the outbox.
#[derive(Debug, Clone)]
pub struct OutboxItem {
    pub id: i64,
    pub gateway: String,
    pub reference: String,
    /// The sealed phone number; only the outbox can open it.
    pub recipient: String,
    pub body: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
}

/// A text to put in the outbox.
#[derive(Debug, Clone)]
pub struct NewOutboxItem {
    pub gateway: String,
    pub reference: String,
    pub recipient: String,
    pub body: String,
    pub next_attempt_at: i64,
    pub expires_at: i64,
}

const RECORD_INBOUND: &str =
    "INSERT INTO sms_inbound (provider_ref, replies, received_at) VALUES ($1, '[]', $2) \
     ON CONFLICT (provider_ref) DO NOTHING RETURNING provider_ref";
const INBOUND_REPLIES: &str = "SELECT replies FROM sms_inbound WHERE provider_ref = $1";
const SET_INBOUND_REPLIES: &str = "UPDATE sms_inbound SET replies = $1 WHERE provider_ref = $2";
/// Whether the texter whose pseudonym is parameter `$p` has opted out, as 1 or 0: one
/// reading of it for every statement that returns it beside what it does.
macro_rules! opted_out_sql {
    ($p:literal) => {
        concat!(
            "CAST(CASE WHEN EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.respondent = ",
            $p,
            ") THEN 1 ELSE 0 END AS BIGINT) AS opted_out"
        )
    };
}

// The no-op update takes the row lock and returns the row as it was; the opt-out comes in
// the same statement, as every statement is a round trip to the database.
const LOCK_CONVERSATION: &str = concat!(
    "INSERT INTO sms_conversations (respondent, state, last_seen) VALUES ($1, '', $2) \
     ON CONFLICT (respondent) DO UPDATE SET state = sms_conversations.state \
     RETURNING state, last_seen, ",
    opted_out_sql!("$1")
);
// On PostgreSQL a new message's note, its texter's conversation (locked) and the version of
// the consultations come in one round trip. The conversation is only touched when the note
// is new: a retried message finds the note taken (waiting for the transaction that took it)
// and changes nothing.
const TAKE_MESSAGE_POSTGRES: &str = concat!(
    "WITH note AS ( \
       INSERT INTO sms_inbound (provider_ref, replies, received_at) VALUES ($1, '[]', $3) \
       ON CONFLICT (provider_ref) DO NOTHING RETURNING provider_ref), \
     conversation AS ( \
       INSERT INTO sms_conversations (respondent, state, last_seen) SELECT $2, '', $3 FROM note \
       ON CONFLICT (respondent) DO UPDATE SET state = sms_conversations.state \
       RETURNING state, last_seen) \
     SELECT CAST((SELECT COUNT(*) FROM note) AS BIGINT) AS new, c.state, c.last_seen, ",
    opted_out_sql!("$2"),
    ", ",
    consultations_version_sql!(),
    " AS consultations FROM (SELECT 1) AS one LEFT JOIN conversation c ON TRUE"
);
// The replies and the conversation, kept in one round trip on PostgreSQL, with the opt-out
// read again: the first statement read it from a snapshot taken before it waited for the
// conversation's lock, and a STOP or START that held the lock has committed since.
const KEEP_MESSAGE_POSTGRES: &str = concat!(
    "WITH note AS ( \
       UPDATE sms_inbound SET replies = $1 WHERE provider_ref = $2), \
     conversation AS ( \
       UPDATE sms_conversations SET state = $3, last_seen = $4 WHERE respondent = $5) \
     SELECT ",
    opted_out_sql!("$5")
);
// The same for a conversation that ends with the message.
const FORGET_MESSAGE_POSTGRES: &str = concat!(
    "WITH note AS ( \
       UPDATE sms_inbound SET replies = $1 WHERE provider_ref = $2), \
     conversation AS (DELETE FROM sms_conversations WHERE respondent = $3) \
     SELECT ",
    opted_out_sql!("$3")
);
const SAVE_CONVERSATION: &str =
    "UPDATE sms_conversations SET state = $1, last_seen = $2 WHERE respondent = $3";
const DELETE_CONVERSATION: &str = "DELETE FROM sms_conversations WHERE respondent = $1";
const OPT_OUT: &str = "INSERT INTO sms_opt_outs (respondent, since) VALUES ($1, $2) \
     ON CONFLICT (respondent) DO NOTHING";
const OPT_IN: &str = "DELETE FROM sms_opt_outs WHERE respondent = $1";
const ENQUEUE: &str =
    "INSERT INTO sms_outbox (gateway, reference, recipient, body, next_attempt_at, expires_at) \
     VALUES ($1, $2, $3, $4, $5, $6)";

fn no_record() -> StoreError {
    StoreError::Corrupt("a message noted as taken in has no record".into())
}

/// What noting a message as taken in found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Noted {
    /// It was taken in before (a retried webhook): nothing is to change.
    Again,
    /// It is new. Its texter's conversation is locked until the transaction ends.
    New {
        conversation: StoredConversation,
        /// The consultations' version as the transaction sees it
        /// ([`Store::consultations_version`]), where it was read in the same round trip.
        consultations: Option<i64>,
    },
}

/// The writes one text message makes, inside the transaction that holds them all: a
/// [`super::Tx`] on either backend, or SQLite's writer connection ([`Direct`]).
#[allow(async_fn_in_trait)]
pub trait SmsTx: InsertSubmission {
    /// Notes a message as taken in. `false` when it already was (a retried webhook): the
    /// caller then answers with [`SmsTx::inbound_replies`] and changes nothing. As the first
    /// write of the transaction it also takes SQLite's write lock, so messages are handled
    /// one at a time.
    async fn record_inbound(&mut self, provider_ref: &str, now: i64) -> Result<bool, StoreError>;

    /// The replies a message already taken in was given, as JSON.
    async fn inbound_replies(&mut self, provider_ref: &str) -> Result<String, StoreError>;

    async fn set_inbound_replies(
        &mut self,
        provider_ref: &str,
        replies: &str,
    ) -> Result<(), StoreError>;

    /// Reads a texter's conversation and locks it until the transaction ends, making an
    /// empty one if there is none. Two messages from one person are so handled one after
    /// the other, on PostgreSQL as on SQLite, and neither can skip a question.
    async fn lock_conversation(
        &mut self,
        respondent: &str,
        now: i64,
    ) -> Result<StoredConversation, StoreError>;

    async fn save_conversation(
        &mut self,
        respondent: &str,
        state: &str,
        now: i64,
    ) -> Result<(), StoreError>;

    async fn delete_conversation(&mut self, respondent: &str) -> Result<(), StoreError>;

    async fn set_opted_out(
        &mut self,
        respondent: &str,
        opted_out: bool,
        now: i64,
    ) -> Result<(), StoreError>;

    async fn enqueue(&mut self, item: &NewOutboxItem) -> Result<(), StoreError>;

    /// Notes a message as taken in and, when it is new, locks its texter's conversation:
    /// [`SmsTx::record_inbound`] then [`SmsTx::lock_conversation`].
    async fn take_message(
        &mut self,
        provider_ref: &str,
        respondent: &str,
        now: i64,
    ) -> Result<Noted, StoreError> {
        take_in_turn(self, provider_ref, respondent, now).await
    }

    /// Keeps what a new message led to: the conversation as it now stands (`None` forgets
    /// it) and the replies the message is given. On PostgreSQL it also gives whether the
    /// texter is opted out as the database stands now, which can differ from what
    /// [`SmsTx::take_message`] read when a STOP or START by another transaction held the
    /// conversation's lock meanwhile. `None` where nothing can have changed (SQLite takes
    /// one message at a time).
    async fn keep_message(
        &mut self,
        provider_ref: &str,
        replies: &str,
        respondent: &str,
        state: Option<&str>,
        now: i64,
    ) -> Result<Option<bool>, StoreError> {
        keep_in_turn(self, provider_ref, replies, respondent, state, now).await
    }
}

/// [`SmsTx::take_message`] as one statement after another.
async fn take_in_turn<W: SmsTx + ?Sized>(
    tx: &mut W,
    provider_ref: &str,
    respondent: &str,
    now: i64,
) -> Result<Noted, StoreError> {
    if !tx.record_inbound(provider_ref, now).await? {
        return Ok(Noted::Again);
    }
    Ok(Noted::New {
        conversation: tx.lock_conversation(respondent, now).await?,
        consultations: None,
    })
}

/// [`SmsTx::keep_message`] as one statement after another, where the opt-out cannot have
/// changed since it was read (`None`).
async fn keep_in_turn<W: SmsTx + ?Sized>(
    tx: &mut W,
    provider_ref: &str,
    replies: &str,
    respondent: &str,
    state: Option<&str>,
    now: i64,
) -> Result<Option<bool>, StoreError> {
    match state {
        Some(state) => tx.save_conversation(respondent, state, now).await?,
        None => tx.delete_conversation(respondent).await?,
    }
    tx.set_inbound_replies(provider_ref, replies).await?;
    Ok(None)
}

/// A conversation from a row of `state`, `last_seen` and `opted_out`.
fn conversation_of(row: &sqlx::any::AnyRow) -> Result<StoredConversation, StoreError> {
    Ok(StoredConversation {
        state: row.try_get("state")?,
        last_seen: row.try_get("last_seen")?,
        opted_out: row.try_get::<i64, _>("opted_out")? != 0,
    })
}

/// Whether a transaction is PostgreSQL's, where several statements go as one.
fn on_postgres(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> bool {
    let conn: &mut sqlx::AnyConnection = tx;
    conn.backend_name() == "PostgreSQL"
}

impl SmsTx for sqlx::Transaction<'_, sqlx::Any> {
    async fn record_inbound(&mut self, provider_ref: &str, now: i64) -> Result<bool, StoreError> {
        let row = sqlx::query(RECORD_INBOUND)
            .bind(provider_ref)
            .bind(now)
            .fetch_optional(&mut **self)
            .await?;
        Ok(row.is_some())
    }

    async fn inbound_replies(&mut self, provider_ref: &str) -> Result<String, StoreError> {
        let row = sqlx::query(INBOUND_REPLIES)
            .bind(provider_ref)
            .fetch_optional(&mut **self)
            .await?;
        Ok(row.ok_or_else(no_record)?.try_get("replies")?)
    }

    async fn set_inbound_replies(
        &mut self,
        provider_ref: &str,
        replies: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(SET_INBOUND_REPLIES)
            .bind(replies)
            .bind(provider_ref)
            .execute(&mut **self)
            .await?;
        Ok(())
    }

    async fn lock_conversation(
        &mut self,
        respondent: &str,
        now: i64,
    ) -> Result<StoredConversation, StoreError> {
        let row = sqlx::query(LOCK_CONVERSATION)
            .bind(respondent)
            .bind(now)
            .fetch_one(&mut **self)
            .await?;
        conversation_of(&row)
    }

    async fn save_conversation(
        &mut self,
        respondent: &str,
        state: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(SAVE_CONVERSATION)
            .bind(state)
            .bind(now)
            .bind(respondent)
            .execute(&mut **self)
            .await?;
        Ok(())
    }

    async fn delete_conversation(&mut self, respondent: &str) -> Result<(), StoreError> {
        sqlx::query(DELETE_CONVERSATION)
            .bind(respondent)
            .execute(&mut **self)
            .await?;
        Ok(())
    }

    async fn set_opted_out(
        &mut self,
        respondent: &str,
        opted_out: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let query = if opted_out {
            sqlx::query(OPT_OUT).bind(respondent).bind(now)
        } else {
            sqlx::query(OPT_IN).bind(respondent)
        };
        query.execute(&mut **self).await?;
        Ok(())
    }

    async fn take_message(
        &mut self,
        provider_ref: &str,
        respondent: &str,
        now: i64,
    ) -> Result<Noted, StoreError> {
        if !on_postgres(self) {
            return take_in_turn(self, provider_ref, respondent, now).await;
        }
        let row = sqlx::query(TAKE_MESSAGE_POSTGRES)
            .bind(provider_ref)
            .bind(respondent)
            .bind(now)
            .fetch_one(&mut **self)
            .await?;
        if row.try_get::<i64, _>("new")? == 0 {
            return Ok(Noted::Again);
        }
        Ok(Noted::New {
            conversation: conversation_of(&row)?,
            consultations: Some(row.try_get("consultations")?),
        })
    }

    async fn keep_message(
        &mut self,
        provider_ref: &str,
        replies: &str,
        respondent: &str,
        state: Option<&str>,
        now: i64,
    ) -> Result<Option<bool>, StoreError> {
        if !on_postgres(self) {
            return keep_in_turn(self, provider_ref, replies, respondent, state, now).await;
        }
        let query = match state {
            Some(state) => sqlx::query(KEEP_MESSAGE_POSTGRES)
                .bind(replies)
                .bind(provider_ref)
                .bind(state)
                .bind(now)
                .bind(respondent),
            None => sqlx::query(FORGET_MESSAGE_POSTGRES)
                .bind(replies)
                .bind(provider_ref)
                .bind(respondent),
        };
        let row = query.fetch_one(&mut **self).await?;
        Ok(Some(row.try_get::<i64, _>("opted_out")? != 0))
    }

    async fn enqueue(&mut self, item: &NewOutboxItem) -> Result<(), StoreError> {
        sqlx::query(ENQUEUE)
            .bind(&item.gateway)
            .bind(&item.reference)
            .bind(&item.recipient)
            .bind(&item.body)
            .bind(item.next_attempt_at)
            .bind(item.expires_at)
            .execute(&mut **self)
            .await?;
        Ok(())
    }
}

// On SQLite's writer connection a message is handled under the database's one write lock,
// so a row found missing cannot appear before the job writes it: it is written once, whole,
// when its contents are known, rather than made empty first and then updated. A job that
// ends without writing it has it written as the statements above would have left it.
const INBOUND_TAKEN: &str = "SELECT EXISTS (SELECT 1 FROM sms_inbound WHERE provider_ref = $1)";
const INSERT_INBOUND: &str =
    "INSERT INTO sms_inbound (provider_ref, replies, received_at) VALUES ($1, $2, $3)";
const READ_CONVERSATION: &str = concat!(
    "SELECT c.state, c.last_seen, ",
    opted_out_sql!("$1"),
    " FROM (SELECT 1) LEFT JOIN sms_conversations c ON c.respondent = $1"
);
const INSERT_CONVERSATION: &str =
    "INSERT INTO sms_conversations (respondent, state, last_seen) VALUES ($1, $2, $3)";

/// Rows a job on SQLite's writer has found missing and not yet written.
#[derive(Debug, Default)]
pub(crate) struct Deferred {
    /// A message's note: provider reference and when it came.
    inbound: Option<(String, i64)>,
    /// A new conversation: respondent and when it began.
    conversation: Option<(String, i64)>,
}

/// When the row keyed `key` was deferred, if `slot` holds that one.
fn held_at(slot: &Option<(String, i64)>, key: &str) -> Option<i64> {
    match slot {
        Some((held, at)) if held == key => Some(*at),
        _ => None,
    }
}

/// Whether `slot` holds the row keyed `key`.
fn holds(slot: &Option<(String, i64)>, key: &str) -> bool {
    held_at(slot, key).is_some()
}

/// Takes the row keyed `key` out of `slot`, if that is the one it holds: its time.
fn take_held(slot: &mut Option<(String, i64)>, key: &str) -> Option<i64> {
    if holds(slot, key) {
        slot.take().map(|(_, at)| at)
    } else {
        None
    }
}

impl Direct<'_> {
    /// Writes what the job left deferred, as the empty rows it would otherwise have made.
    pub(crate) fn write_deferred(&mut self) -> Result<(), StoreError> {
        self.write_deferred_inbound()?;
        self.write_deferred_conversation()
    }

    fn write_deferred_inbound(&mut self) -> Result<(), StoreError> {
        match self.deferred.inbound.take() {
            Some((provider_ref, now)) => {
                self.execute(INSERT_INBOUND, params![provider_ref, "[]", now])
            }
            None => Ok(()),
        }
    }

    fn write_deferred_conversation(&mut self) -> Result<(), StoreError> {
        match self.deferred.conversation.take() {
            Some((respondent, now)) => {
                self.execute(INSERT_CONVERSATION, params![respondent, "", now])
            }
            None => Ok(()),
        }
    }
}

impl SmsTx for Direct<'_> {
    async fn record_inbound(&mut self, provider_ref: &str, now: i64) -> Result<bool, StoreError> {
        if holds(&self.deferred.inbound, provider_ref) {
            return Ok(false);
        }
        let mut statement = self.conn.prepare_cached(INBOUND_TAKEN)?;
        let taken: bool = statement.query_row([provider_ref], |row| row.get(0))?;
        if !taken {
            // One deferred at a time: an earlier one is written as it stands.
            self.write_deferred_inbound()?;
            self.deferred.inbound = Some((provider_ref.to_owned(), now));
        }
        Ok(!taken)
    }

    async fn inbound_replies(&mut self, provider_ref: &str) -> Result<String, StoreError> {
        let mut statement = self.conn.prepare_cached(INBOUND_REPLIES)?;
        let replies = statement
            .query_row([provider_ref], |row| row.get(0))
            .optional()?;
        replies.ok_or_else(no_record)
    }

    async fn set_inbound_replies(
        &mut self,
        provider_ref: &str,
        replies: &str,
    ) -> Result<(), StoreError> {
        match take_held(&mut self.deferred.inbound, provider_ref) {
            Some(now) => self.execute(INSERT_INBOUND, params![provider_ref, replies, now]),
            None => self.execute(SET_INBOUND_REPLIES, params![replies, provider_ref]),
        }
    }

    async fn lock_conversation(
        &mut self,
        respondent: &str,
        now: i64,
    ) -> Result<StoredConversation, StoreError> {
        let mut statement = self.conn.prepare_cached(READ_CONVERSATION)?;
        let (state, last_seen, opted_out) = statement.query_row([respondent], |row| {
            Ok((
                row.get::<_, Option<String>>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, bool>(2)?,
            ))
        })?;
        if let (Some(state), Some(last_seen)) = (state, last_seen) {
            return Ok(StoredConversation {
                state,
                last_seen,
                opted_out,
            });
        }
        // New: made when the job saves it, or as it is now if it never does.
        let since = match held_at(&self.deferred.conversation, respondent) {
            Some(since) => since,
            None => {
                self.write_deferred_conversation()?;
                self.deferred.conversation = Some((respondent.to_owned(), now));
                now
            }
        };
        Ok(StoredConversation {
            state: String::new(),
            last_seen: since,
            opted_out,
        })
    }

    async fn save_conversation(
        &mut self,
        respondent: &str,
        state: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        match take_held(&mut self.deferred.conversation, respondent) {
            Some(_) => self.execute(INSERT_CONVERSATION, params![respondent, state, now]),
            None => self.execute(SAVE_CONVERSATION, params![state, now, respondent]),
        }
    }

    async fn delete_conversation(&mut self, respondent: &str) -> Result<(), StoreError> {
        match take_held(&mut self.deferred.conversation, respondent) {
            Some(_) => Ok(()),
            None => self.execute(DELETE_CONVERSATION, params![respondent]),
        }
    }

    async fn set_opted_out(
        &mut self,
        respondent: &str,
        opted_out: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        if opted_out {
            self.execute(OPT_OUT, params![respondent, now])
        } else {
            self.execute(OPT_IN, params![respondent])
        }
    }

    async fn enqueue(&mut self, item: &NewOutboxItem) -> Result<(), StoreError> {
        self.execute(
            ENQUEUE,
            params![
                item.gateway,
                item.reference,
                item.recipient,
                item.body,
                item.next_attempt_at,
                item.expires_at
            ],
        )
    }
}

impl Store {
    /// Texts waiting to be sent and not yet given up, oldest first, due or not.
    pub async fn outbox_pending(
        &self,
        now: i64,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, gateway, reference, recipient, body, attempts, next_attempt_at \
             FROM sms_outbox WHERE expires_at > $1 ORDER BY id LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OutboxItem {
                    id: row.try_get("id")?,
                    gateway: row.try_get("gateway")?,
                    reference: row.try_get("reference")?,
                    recipient: row.try_get("recipient")?,
                    body: row.try_get("body")?,
                    attempts: row.try_get("attempts")?,
                    next_attempt_at: row.try_get("next_attempt_at")?,
                })
            })
            .collect()
    }

    /// Takes a due text for sending until `lease_until`, unless another instance took it
    /// first: only one instance sends each text.
    pub async fn outbox_claim(
        &self,
        item: &OutboxItem,
        lease_until: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE sms_outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3",
        )
        .bind(lease_until)
        .bind(item.id)
        .bind(item.next_attempt_at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Forgets a text, and the number sealed with it, once sent (or refused for good).
    pub async fn outbox_delete(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sms_outbox WHERE id = $1")
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn outbox_retry_at(&self, id: i64, attempts: i64, at: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sms_outbox SET attempts = $1, next_attempt_at = $2 WHERE id = $3")
            .bind(attempts)
            .bind(at)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// How many texts wait to be sent.
    pub async fn outbox_depth(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sms_outbox")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Deletes texts (and the numbers in them) past their time; returns how many.
    pub async fn outbox_purge_expired(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sms_outbox WHERE expires_at <= $1")
            .bind(now)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    /// Texters silent since before `before`: their conversations have expired.
    pub async fn sms_expired(&self, before: i64, limit: i64) -> Result<Vec<String>, StoreError> {
        let rows =
            sqlx::query("SELECT respondent FROM sms_conversations WHERE last_seen < $1 LIMIT $2")
                .bind(before)
                .bind(limit)
                .fetch_all(self.pool())
                .await?;
        rows.iter()
            .map(|row| Ok(row.try_get("respondent")?))
            .collect()
    }

    /// Forgets messages taken in before `before`: gateways stop retrying long before.
    pub async fn sms_forget_inbound(&self, before: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sms_inbound WHERE received_at < $1")
            .bind(before)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }
}
