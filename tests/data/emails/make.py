#!/usr/bin/env python3
"""Writes the email corpus: realistic raw messages (.eml) from invented people.

Each NAME.eml has NAME.toml beside it, written by hand, saying what heard must store.
Run from this folder to rebuild the .eml files after changing them here.
"""
import base64
import quopri

CRLF = "\r\n"
ACK = "views@heard.devon.example"


def eml(name, headers, body, raw_body=False):
    lines = [f"{k}: {v}" for k, v in headers]
    text = CRLF.join(lines) + CRLF + CRLF + (body if raw_body else body.replace("\n", CRLF))
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(f"{name}.eml", "wb") as f:
        f.write(data)


def eml_bytes(name, head, body_bytes):
    with open(f"{name}.eml", "wb") as f:
        f.write(head.replace("\n", CRLF).encode("ascii") + b"\r\n\r\n" + body_bytes)


def qp(text, charset="utf-8"):
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def base(frm, subject, msgid, date="Tue, 24 Nov 2026 09:14:03 +0000", to=ACK, extra=()):
    return [("Return-Path", f"<{frm.split('<')[-1].rstrip('>')}>"), ("From", frm), ("To", to),
            ("Subject", subject), ("Date", date), ("Message-ID", msgid), ("MIME-Version", "1.0"),
            *extra]


# 1. Gmail reply with quoted history, multipart/alternative.
plain = """Hello again,

My son is 12 and he has been waiting for his EHCP review since March. Nobody
has told us what is happening. We live at EX39 3BD. Please can someone just
keep us updated, even if there is no news.

Thanks,
Sarah

On Mon, 23 Nov 2026 at 17:02, Devon SEND views <views@heard.devon.example> wrote:

> Thank you for your email. We got your view.
>
> We do not keep your name or email address.
"""
html = """<div dir="ltr"><div>Hello again,</div><div><br></div><div>My son is 12 and he has been waiting for his EHCP review since March. Nobody has told us what is happening. We live at EX39 3BD. Please can someone just keep us updated, even if there is no news.</div><div><br></div><div>Thanks,</div><div>Sarah</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 23 Nov 2026 at 17:02, Devon SEND views &lt;<a href="mailto:views@heard.devon.example">views@heard.devon.example</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Thank you for your email. We got your view.<br><br>We do not keep your name or email address.</blockquote></div>"""
eml("gmail_reply_quoted", base("Sarah Pengelly <sarah.pengelly@gmail.example>", "Re: Thank you for your view",
    "<CAHx7Yq1n0b1=gmail@mail.gmail.example>",
    extra=[("In-Reply-To", "<older-thread-1@heard.devon.example>"),
           ("Content-Type", 'multipart/alternative; boundary="000000000000a1b2c3"')]),
    f"""--000000000000a1b2c3
Content-Type: text/plain; charset="UTF-8"

{plain}
--000000000000a1b2c3
Content-Type: text/html; charset="UTF-8"

{html}
--000000000000a1b2c3--
""")

# 2. Outlook reply: text above, the old message below an underscore line and From/Sent block.
eml("outlook_reply_history", base("\"Trewin, Aisha\" <aisha.trewin@outlook.example>", "RE: Four Cornerstones",
    "<DB9PR01MB1234ABCD@DB9PR01MB1234.eurprd01.prod.outlook.example>",
    extra=[("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "7bit"),
           ("X-MS-Has-Attach", ""), ("Thread-Topic", "Four Cornerstones")]),
    """I am a parent carer in Mid Devon. The meetings about my daughter are always
in the day when I am at work. Evening meetings or video calls would help a
lot.

________________________________
From: Devon SEND views <views@heard.devon.example>
Sent: 20 November 2026 16:40
To: Trewin, Aisha <aisha.trewin@outlook.example>
Subject: Four Cornerstones

Tell us what would help us work better together.
""")

# 3. Outlook desktop: -----Original Message-----, a professional.
eml("outlook_original_message", base("Mark Hocking <m.hocking@school.example>", "RE: views",
    "<001a01d9a1b2$3c4d5e60$b5e81b20$@school.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "7bit")]),
    """Hi,

As a SENCo in Teignbridge I see families wait too long for speech and
language therapy. Schools need clearer advice on what they can do while they
wait.

Regards
Mark

-----Original Message-----
From: Devon SEND views <views@heard.devon.example>
Sent: 19 November 2026 10:00
To: Mark Hocking <m.hocking@school.example>
Subject: views

Please send us your views.
""")

# 4. HTML only, with entities and a Gmail quote block.
eml("html_only", base("Emma Quick <emma.quick@mail.example>", "Views",
    "<20261124101500.GA1234@mail.example>",
    extra=[("Content-Type", 'text/html; charset="utf-8"'), ("Content-Transfer-Encoding", "7bit")]),
    """<html><head><style>p{margin:0}</style></head><body>
<p>Hi,</p>
<p>My daughter is autistic &amp; the school has been really kind.<br>
But the bus to school takes over an hour each way.</p>
<p>We are in TQ9 6AH.</p>
<div class="gmail_quote">On Fri, 20 Nov 2026, Devon SEND views wrote:<blockquote>Please tell us what you think.</blockquote></div>
</body></html>
""")

# 5. Quoted-printable UTF-8 with curly apostrophes and soft line breaks; a young person.
text5 = ("I\u2019m 15 and I go to college in Exeter. My postcode is EX2 7BE. "
         "I wish teachers didn\u2019t talk about my support plan in front of the whole class \u2013 "
         "it\u2019s embarrassing.\n")
eml("quoted_printable", base("Jake <jake.t2011@mail.example>", "my view",
    "<a1b2c3d4-qp@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")]),
    qp(text5))

# 6. Base64 UTF-8, district name in words.
text6 = ("Good morning,\n\nWe live in West Devon and my son goes to a special school 40 minutes away. "
         "Getting respite care has been very hard. We have been on a waiting list for two years.\n\n"
         "Kind regards\n")
eml("base64", base("Lucy Vosper <lucy.vosper@mail.example>", "Feedback",
    "<b64-0001@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "base64")]),
    b64(text6) + "\n")

# 7. Windows-1252, quoted-printable: curly quotes, pound sign, e-acute.
text7 = ("I\u2019m his dad. We paid \u00a3300 for a private assessment because the wait was 18 months. "
         "The caf\u00e9 at the family centre is lovely, but \u201cparent support\u201d means a leaflet. "
         "We\u2019re at EX20 3BD.\n")
eml("windows1252", base("Tom Gilbert <tom.gilbert@mail.example>", "Parent view",
    "<w1252-77@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="windows-1252"'), ("Content-Transfer-Encoding", "quoted-printable")]),
    qp(text7, "windows-1252"))

# 8. ISO-8859-1, 8bit.
text8 = ("Hello,\n\nI am a grandparent and I look after my grandson three days a week. "
         "The \u00a320 a week bus pass is too much for us. We live in EX14 3BD.\n\nBest wishes\n")
eml_bytes("iso88591", "\n".join(f"{k}: {v}" for k, v in base("Jean Ley <jean.ley@mail.example>", "Bus pass",
    "<latin1-8@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="iso-8859-1"'), ("Content-Transfer-Encoding", "8bit")])),
    text8.replace("\n", "\r\n").encode("iso-8859-1"))

# 9. Attachment: a PDF (dropped, never stored).
pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
eml("attachment_pdf", base("Rachel Coombe <rachel.coombe@mail.example>", "Our story",
    "<att-pdf-1@mail.example>",
    extra=[("Content-Type", 'multipart/mixed; boundary="mixed-1"')]),
    f"""--mixed-1
Content-Type: text/plain; charset="utf-8"

I have attached the letter we sent to the school. We live in Torridge. My
children both have ADHD and the school keeps sending them home early.

--mixed-1
Content-Type: application/pdf; name="letter to school.pdf"
Content-Disposition: attachment; filename="letter to school.pdf"
Content-Transfer-Encoding: base64

{b64(pdf)}
--mixed-1--
""")

# 10. A forwarded letter: the forward is the view.
eml("forwarded", base("Kate Yeo <kate.yeo@mail.example>", "Fwd: Transport",
    "<fwd-10@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """---------- Forwarded message ---------
From: Kate Yeo <kate.yeo@mail.example>
Date: Wed, 18 Nov 2026 at 08:12
Subject: Transport
To: <transport@council.example>

The taxi to school was late four times this month. My son gets very anxious
when it is late. We are in North Devon.
""")

# 11. Out-of-office auto-reply: not a view, never answered.
eml("auto_reply", base("Sarah Pengelly <sarah.pengelly@gmail.example>",
    "Automatic reply: Thank you for your view", "<auto-11@mail.example>",
    extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
           ("Content-Type", 'text/plain; charset="utf-8"')]),
    """I am out of the office until Monday 30 November with limited access to email.
""")

# 12. A bounce from the mailer daemon: not a view.
eml("bounce", [("Return-Path", "<>"), ("From", "Mail Delivery System <MAILER-DAEMON@mx.example>"),
    ("To", ACK), ("Subject", "Undelivered Mail Returned to Sender"),
    ("Date", "Tue, 24 Nov 2026 09:20:00 +0000"), ("Message-ID", "<bounce-12@mx.example>"),
    ("MIME-Version", "1.0"), ("Auto-Submitted", "auto-replied"),
    ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="rep-12"')],
    """--rep-12
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<sarah.pengelly@gmail.example>: host gmail.example said: 550 5.1.1 user unknown

--rep-12
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example
Final-Recipient: rfc822; sarah.pengelly@gmail.example
Action: failed
Status: 5.1.1

--rep-12--
""")

# 13. Plus address names the consultation.
eml("plus_address", base("Priya Nair <priya.nair@mail.example>", "hello",
    "<plus-13@mail.example>", to="views+school-transport@heard.devon.example",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """The minibus has no one trained to help with my daughter's seizures. I am a
parent and I worry every day. We are in East Devon.
""")

# 14. Subject names the consultation.
eml("subject_consultation", base("Dan Lethbridge <dan.lethbridge@mail.example>",
    "My views on School Transport", "<subject-14@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """Our bus route was cut in September. Now I drive my son 30 miles a day. We
live in Teignbridge.
""")

# 15. Polish, no Content-Language: the reply is in Polish.
text15 = ("Dzień dobry,\n\nMój syn ma autyzm i chodzi do szkoły w Exeter. "
          "Nauczyciele są mili, ale nikt nie mówi nam, jakie wsparcie dostaje. "
          "Chciałabym dostawać informacje po polsku.\n\nPozdrawiam\n")
eml("polish", base("Agnieszka Nowak <a.nowak@poczta.example>", "Opinia",
    "<pl-15@poczta.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")]),
    qp(text15))

# 16. Arabic, base64, stated language; no area: the reply asks for it, in Arabic.
text16 = "مرحبا،\n\nابني عمره ثماني سنوات. المدرسة لا تشرح لنا خطة الدعم. نحتاج إلى مترجم في الاجتماعات.\n\nشكرا\n"
eml("arabic", base("Omar Haddad <omar.haddad@mail.example>", "رأيي",
    "<ar-16@mail.example>",
    extra=[("Content-Language", "ar"), ("Content-Type", 'text/plain; charset="utf-8"'),
           ("Content-Transfer-Encoding", "base64")]),
    b64(text16) + "\n")

# 17. Safeguarding words: flagged, and the reply signposts help.
eml("safeguarding", base("Ellie <ellie.h.2013@mail.example>", "school",
    "<sg-17@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """I'm 13. Nobody at school listens to me and some days I want to die. I live
in EX4.
""")

# 18. A signature after "-- ": not stored, but its postcode places the view.
eml("signature", base("Helen Ridd <helen.ridd@mail.example>", "Cornerstones",
    "<sig-18@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """The new key worker has made a big difference for my son. She explains
things well and always calls back.

-- 
Helen Ridd
Orchard Cottage, Tiverton EX16 9BD
07700 900461
""")

# 19. A legal disclaimer from a work account.
eml("disclaimer", base("Chris Parkhouse <chris.parkhouse@firm.example>", "SEND views",
    "<disc-19@firm.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """Hello,

My son has been out of school for six weeks while we wait for a place. Home
learning packs are not enough. We live in Exeter.

Chris

CONFIDENTIALITY NOTICE: This email and any attachments are confidential and
intended solely for the use of the individual to whom they are addressed.
If you have received this email in error please notify the sender.

Please consider the environment before printing this email.
""")

# 20. Short, from a phone, no area: the reply asks for it.
eml("mobile_iphone", base("Gemma Bright <gemma.bright@icloud.example>", "Views",
    "<iphone-20@icloud.example>",
    extra=[("Content-Type", 'text/plain; charset="us-ascii"'), ("Content-Transfer-Encoding", "7bit")]),
    """More help in the school holidays please. Clubs that can take children with
additional needs.

Sent from my iPhone
""")

# 21. A reply to an acknowledgement that asked for the area.
eml("area_reply", base("Gemma Bright <gemma.bright@icloud.example>", "Re: Thank you for your view",
    "<iphone-21@icloud.example>",
    extra=[("In-Reply-To", "<heard-ack-5b1f0e2a9c8d4e7f@heard.devon.example>"),
           ("References", "<iphone-20@icloud.example> <heard-ack-5b1f0e2a9c8d4e7f@heard.devon.example>"),
           ("Content-Type", 'text/plain; charset="us-ascii"')]),
    """We are in Torridge

Sent from my iPhone

> On 24 Nov 2026, at 09:15, Devon SEND views <views@heard.devon.example> wrote:
>
> Thank you for your email. We got your view.
> We do not know which area you live in.
""")

# 22. Answers written between the quoted lines.
eml("inline_replies", base("Nick Sloman <nick.sloman@mail.example>", "Re: your questions",
    "<inline-22@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """Devon SEND views wrote:
> Do you feel welcome?

Mostly yes. Reception staff at the county hall were kind.

> Do you feel listened to?

No. I asked three times for a copy of the plan. I am a parent of a child
with Down syndrome, we live in South Hams.
""")

# 23. No Message-ID: a digest of the message keeps it idempotent.
eml("no_message_id", [("From", "Ben Hext <ben.hext@mail.example>"), ("To", ACK),
    ("Subject", "speech therapy"), ("Date", "Tue, 24 Nov 2026 11:00:00 +0000"),
    ("MIME-Version", "1.0"), ("Content-Type", 'text/plain; charset="utf-8"')],
    """My daughter waited 14 months for speech therapy. We are in TQ12 3BD.
""")

# 24. A mailing list post: may be stored, must never be answered.
eml("mailing_list", base("Devon Parent Forum <forum@lists.example>", "[DPF] Views for the council",
    "<list-24@lists.example>",
    extra=[("List-Id", "Devon Parent Forum <dpf.lists.example>"), ("Precedence", "list"),
           ("Sender", "dpf-bounces@lists.example"), ("Content-Type", 'text/plain; charset="utf-8"')]),
    """Members asked us to pass on: families in North Devon would like the SEND
information days repeated on Saturdays.
""")

# 25. Outlook HTML only, with the old message in its header block.
eml("outlook_html_reply", base("Sophie Doidge <sophie.doidge@outlook.example>", "RE: Thank you for your view",
    "<AM0PR02MB5678@AM0PR02MB5678.eurprd02.prod.outlook.example>",
    extra=[("Content-Type", 'text/html; charset="utf-8"'), ("Content-Transfer-Encoding", "quoted-printable")]),
    qp("""<html><body><div class="WordSection1"><p class="MsoNormal">Sorry, I forgot to say: my son is 7 and we live in EX5 4BD.<o:p></o:p></p>
<p class="MsoNormal">Sophie<o:p></o:p></p>
<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> Devon SEND views &lt;views@heard.devon.example&gt;<br><b>Sent:</b> 24 November 2026 09:00<br><b>To:</b> Sophie Doidge<br><b>Subject:</b> Thank you for your view</font><div>&nbsp;</div></div>
<div><p>Thank you for your email. We got your view.</p></div></div></body></html>
"""))

# 26. A sender whose name is in no list: the From header tells heard what to take out.
eml("unusual_name", base("Kerenza Tremayne <kerenza.tremayne@mail.example>", "Views",
    "<unusual-26@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """The Tremayne family has lived near Bideford for years, in Torridge. My
daughter is 6 and the waiting list for an autism assessment is over two years.

Thanks
Kerenza
""")

# 27. A reply sent with nothing typed above the quoted message: its "Re:" subject is not a
# view, so nothing is stored.
eml("empty_reply", base("Dan Moss <dan.moss@mail.example>", "Re: Four Cornerstones: what matters to you?",
    "<empty-27@mail.example>",
    extra=[("In-Reply-To", "<outreach-1@heard.devon.example>"),
           ("Content-Type", 'text/plain; charset="utf-8"')]),
    """On Mon, 23 Nov 2026 at 18:00, Devon SEND views <views@heard.devon.example> wrote:
> Tell us what matters to you.
> Reply to this email with your views.
""")

# 28. A sender whose name is also a word: it goes where it is a name ("Thanks, Rob", "Will
# Field"), and "I will" and "the playing field" stay.
eml("word_name", base("Will Field <will.field@mail.example>", "Views",
    "<word-name-28@mail.example>",
    extra=[("Content-Type", 'text/plain; charset="utf-8"')]),
    """I will keep asking for the playing field at his school to be made safe.
We live in Exeter.

Thanks, Will Field
""")

# 29. A sign-off alone on its line, then a name, a role and a number: those lines are a
# signature and are not stored, but the role under the sign-off still says who wrote.
eml("sign_off", base('"Joanne Whitfield" <jo.whitfield@mail.example>', "Re: Four Cornerstones: what matters to you?",
    "<sign-off-29@mail.example>", date="Thu, 26 Nov 2026 19:22:11 +0000",
    extra=[("In-Reply-To", "<outreach-1@heard.devon.example>"),
           ("Content-Type", 'text/plain; charset="utf-8"')]),
    """Hi,

He is 12 and autistic, we live just outside Honiton. The biggest problem for
us has been getting the EHCP reviewed - it's been over a year.

Kind regards,

Jo
Mum & carer
07700 900461

Sent from Yahoo Mail on Android

On Monday, 23 November 2026, 18:00:03 GMT, Devon SEND views <views@heard.devon.example> wrote:

> Tell us what matters to you.
""")

# 30. Gmail's HTML alone, its signature in its own block and the quote in another: the
# signature block (a name and a number) is not stored, the quote is not either.
eml("gmail_html_signature", base("Lucy Brown <lucy.brown@mail.example>", "Re: Four Cornerstones: what matters to you?",
    "<gmail-html-30@mail.example>",
    extra=[("In-Reply-To", "<outreach-1@heard.devon.example>"),
           ("Content-Type", 'text/html; charset="UTF-8"')]),
    """<div dir="ltr"><div>We need more speech therapy in Tiverton schools.</div><div><br></div><div>She waited 18 months.</div><br clear="all"><div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Lucy Brown<br>Parent carer<br>07700 900333</div></div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 23 Nov 2026 at 18:00, Devon SEND views &lt;<a href="mailto:views@heard.devon.example">views@heard.devon.example</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Tell us what matters to you.</blockquote></div>
""")
