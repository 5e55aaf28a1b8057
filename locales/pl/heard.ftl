# heard: teksty dla użytkowników, po polsku.
# Prosty język: krótkie zdania, proste słowa.

## Kto odpowiada

group-child = Dziecko (poniżej 11 lat)
group-young-person = Młoda osoba (od 11 do 25 lat)
group-parent-carer = Rodzic lub opiekun
group-professional = Osoba, która pracuje z dziećmi
group-prefer-not-to-say = Wolę nie mówić

## Skala uczuć: 1 to bardzo źle, 5 to bardzo dobrze.

feelings-1 = Bardzo źle
feelings-2 = Źle
feelings-3 = Tak sobie
feelings-4 = Dobrze
feelings-5 = Bardzo dobrze

## Pytania

question-skip = Pomiń to pytanie
question-optional = Możesz pominąć to pytanie.
question-progress = Pytanie { $number } z { $total }
question-feelings-hint = Wybierz buźkę, która pokazuje, jak się czujesz.
question-area-text = Gdzie mieszkasz?
question-area-hint = Wybierz swoją okolicę. Możesz też wpisać pierwszą część kodu pocztowego.
question-group-text = Kim jesteś?
question-group-hint = Wybierz to, co najbardziej do Ciebie pasuje.

## Konsultacja

# "około" + dopełniacz: około minuty, około 2 minut, około 5 minut.
consultation-minutes =
    { $minutes ->
        [one] To zajmie około minuty.
       *[other] To zajmie około { $minutes } minut.
    }

## Jak dotarła do nas opinia

channel-web = Strona internetowa
channel-sms = SMS
channel-email = E-mail
channel-event = Spotkanie
