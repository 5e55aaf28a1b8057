# heard: النصوص التي يراها المستخدمون، باللغة العربية.
# لغة بسيطة: جمل قصيرة وكلمات سهلة.

## من يجيب

group-child = طفل (أقل من 11 سنة)
group-young-person = شاب أو شابة (من 11 إلى 25 سنة)
group-parent-carer = أحد الوالدين أو مقدّم رعاية
group-professional = شخص يعمل مع الأطفال
group-prefer-not-to-say = أفضّل ألّا أقول

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
