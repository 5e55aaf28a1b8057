# heard: النصوص التي يراها المستخدمون، باللغة العربية.
# لغة بسيطة: جمل قصيرة وكلمات سهلة.

## من يجيب

group-child = طفل (أقل من 11 سنة)
group-young-person = شاب أو شابة (من 11 إلى 25 سنة)
group-parent-carer = أحد الوالدين أو مقدّم رعاية
group-professional = شخص يعمل مع الأطفال
group-prefer-not-to-say = أفضّل عدم الإفصاح

## مقياس المشاعر: 1 حزين جدًا، 5 سعيد جدًا.

feelings-1 = حزين جدًا
feelings-2 = حزين
feelings-3 = لا بأس
feelings-4 = سعيد
feelings-5 = سعيد جدًا

## الأسئلة

question-skip = تخطَّ هذا السؤال
question-optional = يمكنك تخطي هذا السؤال.
question-progress = السؤال { $number } من { $total }
question-feelings-hint = اختر الوجه الذي يُظهر شعورك.
question-area-text = أين تسكن؟
question-area-hint = اختر منطقتك. أو اكتب الجزء الأول من رمزك البريدي.
question-group-text = أيّ مما يلي ينطبق عليك؟
question-group-hint = اختر الخيار الأقرب إليك.

## الاستشارة

# العدد في العربية: دقيقة، دقيقتان، 3–10 دقائق، 11 فأكثر دقيقة.
consultation-minutes =
    { $minutes ->
        [one] يستغرق هذا دقيقة واحدة تقريبًا.
        [two] يستغرق هذا دقيقتين تقريبًا.
        [few] يستغرق هذا حوالي { $minutes } دقائق.
       *[other] يستغرق هذا حوالي { $minutes } دقيقة.
    }

## كيف وصلنا الرأي

channel-web = صفحة ويب
channel-sms = رسالة نصية
channel-email = بريد إلكتروني
channel-event = فعالية

## Text messages (SMS). Plain text only: no curly quotes, no emoji.
## Arabic is sent as UCS-2: 2 texts hold 134 characters, so keep each short.

sms-welcome = مرحبا من heard. خدمات SEND في ديفون تريد رأيك. ردودك بلا اسم. أرسل تخطي لتخطي سؤال. أرسل STOP للتوقف.
sms-help = يدير heard مجلس مقاطعة ديفون لسماع الأسر عن SEND. الردود بلا اسم. أرسل RESTART للبدء من جديد. أرسل STOP للتوقف.
sms-start = مرحبا بعودتك. سنراسلك مرة أخرى. أرسل STOP للتوقف.
sms-restart = حسنا. سنبدأ من السؤال الأول.
sms-unclear = عذرا، لم أفهم ذلك.
sms-no-words = شكرا لك. نستطيع قراءة الكلمات فقط، وليس الصور.
sms-write-words = اكتب جوابك بالكلمات من فضلك.
sms-moving-on = لا بأس. سننتقل إلى السؤال التالي.
sms-thanks = شكرا لك. حفظنا أجوبتك. سيقرأ فريق SEND كل رد. سنخبرك بما سيتغير بسببها.
sms-kept = شكرا لك. حفظنا رسالتك. الآن بعض الأسئلة القصيرة.
sms-added = شكرا لك. أضفنا هذا إلى أجوبتك. سيقرأ فريق SEND ذلك.
sms-free-text-kept = حفظنا ما قلته لنا من قبل. يمكنك إضافة المزيد، أو الرد بكلمة لا.
sms-done = لقد أرسلت أجوبتك. شكرا لك. أرسل RESTART للإجابة مرة أخرى.
sms-signpost = شكرا لإخبارنا. إذا كان أحد في خطر الآن، اتصل بـ 999. يمكن للأطفال الاتصال بـ Childline مجانا على 0800 1111.
sms-nothing-open = عذرا، لا توجد أسئلة الآن. شكرا لرسالتك.
sms-reply-numbers = أرسل { $numbers } أو { $last }.
sms-reply-range = أرسل رقمًا من { $first } إلى { $last }.
sms-list-separator = {"، "}
sms-skip = أرسل كلمة تخطي لتخطي السؤال.
sms-area-postcode = أو أرسل الجزء الأول من رمزك البريدي، مثل EX4.

## Every web page

site-name = قل رأيك
skip-to-content = انتقل إلى الجزء الرئيسي
language-nav = اختر لغتك
language-en-GB = English
language-pl = Polski
language-ar = العربية
back = رجوع
footer-about = عن هذا الموقع
footer-privacy = ماذا يحدث لكلماتك
read-aloud = اقرأ هذا لي
error-prefix = خطأ:
error-summary-title = هناك مشكلة

## The first page

home-title = قل رأيك
home-intro = أخبر مجلس مقاطعة ديفون برأيك.
home-intro-2 = هذا يساعد على تحسين الدعم للأطفال والشباب من ذوي SEND.
home-open = يمكنك الإجابة عن هذه الآن
home-none = لا يوجد شيء للإجابة عنه الآن. يُرجى العودة قريبًا.

## A survey's start page

start-button = ابدأ
start-continue = تابع من حيث توقفت
start-skip = يمكنك تخطي أي سؤال.
start-no-rush = خذ وقتك. لا يوجد وقت محدد.
privacy-title = ماذا يحدث لكلماتك
privacy-no-name = لا نسأل عن اسمك.
privacy-removed = نحذف الأسماء وأرقام الهواتف والعناوين.
privacy-readers = يقرأ موظفو مجلس مقاطعة ديفون ما تقوله.
privacy-use = يستخدمونه لتحسين الدعم.
privacy-area = نحتفظ فقط بالجزء الذي تسكن فيه من ديفون.
privacy-safe = إذا أخبرتنا أنك لست بأمان، سيقرأ ذلك فورًا شخص يحمي الأطفال. يحدث هذا حتى قبل أن ترسل إجاباتك.
closed-title = هذا الاستبيان مغلق
closed-text = شكرًا لزيارتك. لا يمكنك الإجابة عن هذا الاستبيان الآن.

## Question pages

question-continue = متابعة
save-later = احفظ وعُد لاحقًا
error-choose-one = اختر إجابة واحدة. أو اضغط «تخطَّ هذا السؤال».
error-choose-face = اختر كيف تشعر. أو اضغط «تخطَّ هذا السؤال».
error-text-too-long = إجابتك طويلة جدًا. يمكن أن تكون حتى 5000 حرف. يُرجى تقصيرها.
error-choose-area = اختر منطقتك. أو اضغط «تخطَّ هذا السؤال».
error-postcode = لم نجد هذا الرمز البريدي. اختر منطقتك من القائمة، أو اضغط «تخطَّ».
error-area-postcode-differ = رمزك البريدي في منطقة غير التي اخترتها. اختر منطقة واحدة، أو احذف الرمز البريدي.
area-postcode-label = أو اكتب الجزء الأول من رمزك البريدي
area-postcode-hint = مثلًا EX4 أو TQ12.
area-pick-text = أيّ هذه المناطق منطقتك؟
area-pick-hint = رمزك البريدي قريب من حدود منطقتين.
text-hint = اكتب بقدر ما تريد، قليلًا أو كثيرًا.

## Saved for later

saved-title = إجاباتك محفوظة
saved-where = إجاباتك محفوظة على هذا الهاتف أو الحاسوب.
saved-how = عُد إلى هذا الموقع لتتابع.
saved-days = نحتفظ بها لمدة 30 يومًا.
saved-continue = تابع الآن

## Check your answers

check-title = راجع إجاباتك
check-hint = يمكنك تغيير أي إجابة.
check-change = غيّر
check-skipped = لقد تخطيت هذا السؤال
check-not-answered = لم تتم الإجابة بعد
check-removed = حذفنا الأسماء وأرقام الهواتف والعناوين.
check-send = أرسل إجاباتي

## Thank you

thanks-title = شكرًا لك
thanks-got = وصلتنا إجاباتك.
thanks-next-title = ماذا سيحدث بعد ذلك
thanks-next-read = سيقرؤها موظفو مجلس مقاطعة ديفون.
thanks-next-change = سيستخدمونها لتحسين الأمور.
thanks-next-tell = سنخبركم بما غيّرناه.
help-title = إذا كنت بحاجة إلى مساعدة الآن
help-childline = يمكنك الاتصال مجانًا بخط Childline. رقمهم هو:
help-danger = إذا كنت في خطر الآن، اتصل بالرقم:
help-trusted = يمكنك التحدث إلى شخص بالغ تثق به.
signpost-title = شكرًا لأنك أخبرتنا
signpost-hard = يبدو أن الأمور صعبة عليك.
signpost-talk = يمكنك التحدث إلى شخص ما الآن.
signpost-anonymous = نحن لا نعرف من أنت. لذلك لا يمكننا التواصل معك.
signpost-read = سيقرأ ما كتبته شخصٌ مسؤول عن سلامة الأطفال.

## Other pages

about-title = عن هذا الموقع
about-what = يساعد هذا الموقع الأطفال والشباب والعائلات على قول رأيهم.
about-who = يديره مجلس مقاطعة ديفون مع العائلات.
about-pictures = الصور من OpenMoji.
about-licence = يمكن مشاركة صور OpenMoji بموجب رخصة CC BY-SA 4.0.
not-found-title = لا يمكننا العثور على هذه الصفحة
not-found-text = تحقّق من عنوان الصفحة. أو عُد إلى الصفحة الأولى.
not-found-link = اذهب إلى الصفحة الأولى
slow-down-title = يُرجى الانتظار دقيقة
slow-down-text = كثير من الناس يستخدمون هذا من اتصال الإنترنت نفسه.
slow-down-not-saved = لم نتمكن من حفظ هذه الإجابة. انتظر دقيقة. ثم ارجع واضغط على الزر مرة أخرى.
slow-down-saved = إجاباتك الأخرى محفوظة.
slow-down-wait = انتظر دقيقة. ثم حاول مرة أخرى.
problem-title = عذرًا، حدث خطأ ما
problem-saved = إجاباتك محفوظة.
problem-retry = يُرجى المحاولة مرة أخرى بعد بضع دقائق.

not-saved-title = عذرًا، لم نتمكن من حفظ ذلك
not-saved-answer = إجابتك ما زالت في هذه الصفحة. انتظر دقيقة واحدة. ثم اضغط الزر مرة أخرى.
not-sent-answers = إجاباتك ما زالت في هذه الصفحة. انتظر دقيقة واحدة. ثم اضغط «أرسل إجاباتي» مرة أخرى.
form-expired-title = عذرًا، لم نتمكن من حفظ ذلك
form-expired-text = يُرجى الرجوع والمحاولة مرة أخرى.
too-large-title = عذرًا، كان النص طويلًا جدًا
too-large-text = يُرجى الرجوع وجعل إجابتك أقصر.
too-large-saved = إجاباتك الأخرى محفوظة.
too-slow-title = عذرًا، استغرق وصول ذلك إلينا وقتًا طويلًا
too-slow-text = قد تكون الإشارة ضعيفة. يُرجى الرجوع والضغط على الزر مرة أخرى.

## email

email-ack-subject = شكرًا لك على رأيك
email-ack-thanks = شكرًا على رسالتك. لقد وصلنا رأيك.
email-ack-about = رأيك عن: { $title }
email-ack-private = نحن لا نحتفظ باسمك ولا بعنوان بريدك الإلكتروني. لا يمكن لأحد أن يعرف أن هذا الرأي منك.
email-ack-files = أرسلت ملفًا مع رسالتك. لم نحتفظ به. نحتفظ بكلماتك فقط.
email-ack-area = لا نعرف في أي منطقة تعيش.
email-ack-area-reply = من فضلك رُدّ على هذه الرسالة واكتب اسم منطقتك. أو اكتب الجزء الأول من الرمز البريدي.
email-ack-area-list = المناطق هي: { $areas }.
email-ack-area-join = سنضيف منطقتك إلى الرأي الذي أرسلته.
email-ack-area-added = شكرًا لك. أضفنا منطقتك إلى رأيك: { $area }.
email-ack-sign = فريق SEND في { $authority }
