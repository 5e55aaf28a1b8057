# heard: words people see, in easy read.
# Easy read: short sentences (15 words at most) and plain words.
# Every message here must also be in pl/heard.ftl and ar/heard.ftl,
# with the same { $variables }. The test `locales_are_complete` checks this.

## Who is answering. The ids match RespondentGroup::id().

group-child = A child (under 11)
group-young-person = A young person (11 to 25)
group-parent-carer = A parent or carer
group-professional = Someone who works with children
group-prefer-not-to-say = Prefer not to say

## The feelings scale: 1 is very unhappy, 5 is very happy.

feelings-1 = Very sad
feelings-2 = Sad
feelings-3 = OK
feelings-4 = Happy
feelings-5 = Very happy

## Questions

question-skip = Skip this question
question-optional = You can skip this question.
question-progress = Question { $number } of { $total }
question-feelings-hint = Choose the face that shows how you feel.
# Asked by every "area" question.
question-area-text = Where do you live?
question-area-hint = Choose your area. Or type the first part of your postcode.
# Asked by every "group" question.
question-group-text = Which of these are you?
question-group-hint = Choose the one that fits you best.

## A consultation

consultation-minutes =
    { $minutes ->
        [one] This takes about 1 minute.
       *[other] This takes about { $minutes } minutes.
    }

## How a view reached us. The ids match Channel::id().

channel-web = Web page
channel-sms = Text message
channel-email = Email
channel-event = Event

## Text messages (SMS). Plain text only: no curly quotes, no emoji.
## Keep each to 160 characters where you can; a test fails any past 2 texts' worth.

# The first text anyone gets.
sms-welcome = Hello from heard. Devon SEND services want to hear from you. We will not know who you are. Reply SKIP to skip a question. Reply STOP to stop.
# Answer to HELP: what this is, how to stop, who runs it.
sms-help = heard is run by Devon County Council to hear from families about SEND. We do not know who you are. Reply RESTART to start again. Reply STOP to stop.
# After START, when someone opted out and comes back.
sms-start = Welcome back. We will text you again. Reply STOP to stop.
# After RESTART, before the first question.
sms-restart = OK. We will start again from the first question.
# After a reply we could not read. The ways to reply follow.
sms-unclear = Sorry, I did not understand that.
# For a text with no words in it, such as a picture.
sms-no-words = Thank you. We can only read words in a text, not pictures.
# Under sms-unclear for a question that wants words.
sms-write-words = Please reply with your answer in words.
# After a second reply we could not read: we go on.
sms-moving-on = That is OK. We will go to the next question.
# After the last answer: thanks and what happens next.
sms-thanks = Thank you. Your answers are saved. The SEND team will read every reply. We will share what changes because of them.
# When a first text says what someone thinks: it is kept, then the questions follow.
sms-kept = Thank you. We have kept what you said. Now some short questions.
# When someone who has finished texts more of what they think: it is kept too.
sms-added = Thank you. We have added this to your answers. The SEND team will read it.
# Before the free-text question, when words of theirs are already kept: they need not say it again.
sms-free-text-kept = We have kept what you told us before. You can add more, or reply NO.
# When someone texts again after finishing.
sms-done = You have already sent your answers. Thank you. Reply RESTART to answer again.
# When words suggest a child may be at risk. Sent straight away.
sms-signpost = Thank you for telling us. If someone is in danger now, call 999. Children can call Childline free on 0800 1111.
# When no consultation is open.
sms-nothing-open = Sorry, there are no questions to answer right now. Thank you for texting.
# "Reply 1, 2, 3 or 4." $numbers is every number but the last, joined by sms-list-separator.
sms-reply-numbers = Reply { $numbers } or { $last }.
# Used instead of sms-reply-numbers when there are more than 5 choices.
sms-reply-range = Reply a number from { $first } to { $last }.
# Between numbers in sms-reply-numbers: "1, 2, 3".
sms-list-separator = {", "}
# Under every question that can be skipped.
sms-skip = Reply SKIP to skip.
# Under the area question, after the reply line.
sms-area-postcode = Or send the first half of your postcode, like EX4.

## Every web page

site-name = Have your say
skip-to-content = Skip to the main part
language-nav = Choose your language
language-en-GB = English
language-pl = Polski
language-ar = العربية
back = Back
footer-about = About this website
footer-privacy = What happens to your words
read-aloud = Read this to me
error-prefix = Error:
error-summary-title = There is a problem

## The first page

home-title = Have your say
home-intro = Tell Devon County Council what you think.
home-intro-2 = It helps make support better for children and young people with SEND.
home-open = You can answer these now
home-none = There is nothing to answer now. Please come back soon.

## A survey's start page

start-button = Start
start-continue = Carry on where you left off
start-skip = You can skip any question.
start-no-rush = Take your time. There is no time limit.
privacy-title = What happens to your words
privacy-no-name = We do not ask for your name.
privacy-removed = We take out names, phone numbers and addresses.
privacy-readers = People at Devon County Council read what you say.
privacy-use = They use it to make support better.
privacy-area = We only keep which part of Devon you live in.
privacy-safe = Tell us if you are not safe. A person who keeps children safe will read it at once. This happens even before you send your answers.
closed-title = This survey has closed
closed-text = Thank you for coming. You cannot answer this one now.

## Question pages

question-continue = Continue
save-later = Save and come back later
error-choose-one = Choose one answer. Or press Skip this question.
error-choose-face = Choose how you feel. Or press Skip this question.
error-text-too-long = Your answer is too long. It can be up to 5,000 letters. Please make it shorter.
error-choose-area = Choose your area. Or press Skip this question.
error-postcode = We cannot find that postcode. Choose your area from the list, or press Skip.
error-area-postcode-differ = Your postcode is in a different area from the one you picked. Pick one area, or delete the postcode.
area-postcode-label = Or type the first part of your postcode
area-postcode-hint = For example EX4 or TQ12.
area-pick-text = Which of these is your area?
area-pick-hint = Your postcode is near the edge of two areas.
text-hint = Write as much or as little as you like.

## Saved for later

saved-title = Your answers are saved
saved-where = Your answers are saved on this phone or computer.
saved-how = Come back to this website to carry on.
saved-days = We keep them for 30 days.
saved-continue = Carry on now

## Check your answers

check-title = Check your answers
check-hint = You can change any answer.
check-change = Change
check-skipped = You skipped this
check-not-answered = Not answered yet
check-removed = We took out names, phone numbers and addresses.
check-send = Send my answers

## Thank you

thanks-title = Thank you
thanks-got = We got your answers.
thanks-next-title = What happens next
thanks-next-read = People at Devon County Council will read them.
thanks-next-change = They will use them to make things better.
thanks-next-tell = We will share what we changed.
help-title = If you need help now
help-childline = You can call Childline for free. Their number is:
help-danger = If you are in danger now, call:
help-trusted = You can talk to an adult you trust.
signpost-title = Thank you for telling us
signpost-hard = It sounds like things are hard for you.
signpost-talk = You can talk to someone right now.
signpost-anonymous = We do not know who you are. So we cannot contact you.
signpost-read = A person who keeps children safe will read what you wrote.

## Other pages

about-title = About this website
about-what = This website helps children, young people and families have their say.
about-who = Devon County Council runs it with families.
about-pictures = The pictures are from OpenMoji.
about-licence = OpenMoji pictures are free to share under the CC BY-SA 4.0 licence.
not-found-title = We cannot find this page
not-found-text = Check the web address. Or go back to the first page.
not-found-link = Go to the first page
slow-down-title = Please wait a minute
slow-down-text = Many people are using this from the same internet connection.
# A form post refused: this answer was not kept, the ones before it were.
slow-down-not-saved = We could not save this answer. Wait one minute. Then go back and press the button again.
slow-down-saved = Your other answers are saved.
# A page refused: nothing was sent.
slow-down-wait = Wait one minute. Then try again.
problem-title = Sorry, something went wrong
problem-saved = Your answers are saved.
problem-retry = Please try again in a few minutes.

# The database was busy or away: what they chose is still on the page.
not-saved-title = Sorry, we could not save that
not-saved-answer = Your answer is still on this page. Wait one minute. Then press the button again.
not-sent-answers = Your answers are still on this page. Wait one minute. Then press Send my answers again.
form-expired-title = Sorry, we could not save that
form-expired-text = Please go back and try again.
too-large-title = Sorry, that was too long to send
too-large-text = Please go back and make your answer shorter.
too-large-saved = Your other answers are saved.
# The answer came in too slowly (a weak signal): nothing was taken from it.
too-slow-title = Sorry, that took too long to reach us
too-slow-text = Your signal may be weak. Please go back and press the button again.

## email

email-ack-subject = Thank you for your view
email-ack-thanks = Thank you for your email. We got your view.
email-ack-about = Your view is about: { $title }
email-ack-private = We do not keep your name or email address. Nobody can tell the view came from you.
email-ack-files = You sent a file with your email. We did not keep it. We only keep your words.
email-ack-area = We do not know which area you live in.
email-ack-area-reply = Please reply to this email with the name of your area. Or send the first part of your postcode.
email-ack-area-list = The areas are: { $areas }.
email-ack-area-join = We will add your area to the view you sent.
email-ack-area-added = Thank you. We added your area to your view: { $area }.
email-ack-sign = The SEND team at { $authority }
