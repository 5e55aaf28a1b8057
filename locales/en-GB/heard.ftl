# heard: words people see, in easy read.
# Easy read: short sentences (15 words at most) and plain words.
# Every message here must also be in pl/heard.ftl and ar/heard.ftl,
# with the same { $variables }. The test `locales_are_complete` checks this.

## Who is answering. The ids match RespondentGroup::id().

group-child = A child (under 11)
group-young-person = A young person (11 to 25)
group-parent-carer = A parent or carer
group-professional = Someone who works with children
group-prefer-not-to-say = I would rather not say

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
