# heard: teksty dla użytkowników, po polsku.
# Prosty język: krótkie zdania, proste słowa.

## Kto odpowiada

group-child = Dziecko (poniżej 11 lat)
group-young-person = Młoda osoba (od 11 do 25 lat)
group-parent-carer = Rodzic lub opiekun
group-professional = Osoba, która pracuje z dziećmi
group-prefer-not-to-say = Wolę nie podawać

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

## Text messages (SMS). Plain text only: no curly quotes, no emoji.
## Keep each to 160 characters where you can; a test fails any past 2 texts' worth.

sms-welcome = Dzień dobry, tu heard. Służby SEND w Devon chcą poznać Twoje zdanie. Odpowiedzi są anonimowe. Odpisz POMIŃ, aby pominąć pytanie. Odpisz STOP, aby zakończyć.
sms-help = heard prowadzi Rada Hrabstwa Devon, aby słuchać rodzin o SEND. Odpowiedzi są anonimowe. Odpisz RESTART, aby zacząć od nowa. Odpisz STOP, aby zakończyć.
sms-start = Witamy ponownie. Znów będziemy pisać. Odpisz STOP, aby zakończyć.
sms-restart = Dobrze. Zaczniemy od pierwszego pytania.
sms-unclear = Przepraszamy, nie rozumiemy tej odpowiedzi.
sms-no-words = Dziękujemy. Możemy czytać tylko słowa, nie zdjęcia.
sms-write-words = Napisz odpowiedź słowami.
sms-moving-on = Nic nie szkodzi. Przejdźmy do następnego pytania.
sms-thanks = Dziękujemy. Twoje odpowiedzi są zapisane. Zespół SEND przeczyta każdą odpowiedź. Powiemy, co się dzięki nim zmieni.
sms-kept = Dziękujemy. Zapisaliśmy Twoją wiadomość. Teraz kilka krótkich pytań.
sms-added = Dziękujemy. Dodaliśmy to do Twoich odpowiedzi. Zespół SEND to przeczyta.
sms-free-text-kept = Mamy już Twoją wcześniejszą wiadomość. Możesz coś dodać albo odpisać NIE.
sms-done = Twoje odpowiedzi są już wysłane. Dziękujemy. Odpisz RESTART, aby odpowiedzieć jeszcze raz.
sms-signpost = Dziękujemy, że nam mówisz. Jeśli ktoś jest teraz w niebezpieczeństwie, dzwoń pod 999. Dzieci mogą dzwonić do Childline za darmo: 0800 1111.
sms-nothing-open = Przepraszamy, teraz nie ma pytań. Dziękujemy za wiadomość.
sms-reply-numbers = Odpisz { $numbers } lub { $last }.
sms-reply-range = Odpisz liczbę od { $first } do { $last }.
sms-list-separator = {", "}
sms-skip = Odpisz POMIŃ, aby pominąć.
sms-area-postcode = Albo wyślij pierwszą część kodu pocztowego, np. EX4.

## Every web page

site-name = Powiedz, co myślisz
skip-to-content = Przejdź do głównej części
language-nav = Wybierz język
language-en-GB = English
language-pl = Polski
language-ar = العربية
back = Wstecz
footer-about = O tej stronie
footer-privacy = Co dzieje się z Twoimi słowami
read-aloud = Przeczytaj mi to
error-prefix = Błąd:
error-summary-title = Wystąpił problem

## The first page

home-title = Powiedz, co myślisz
home-intro = Powiedz Radzie Hrabstwa Devon, co myślisz.
home-intro-2 = To pomaga ulepszać wsparcie dla dzieci i młodzieży z SEND.
home-open = Na te pytania możesz odpowiedzieć teraz
home-none = Teraz nie ma pytań do odpowiedzi. Zajrzyj wkrótce.

## A survey's start page

start-button = Zacznij
start-continue = Kontynuuj od miejsca, w którym skończono
start-skip = Możesz pominąć każde pytanie.
start-no-rush = Nie spiesz się. Nie ma limitu czasu.
privacy-title = Co dzieje się z Twoimi słowami
privacy-no-name = Nie pytamy o Twoje imię i nazwisko.
privacy-removed = Usuwamy imiona, numery telefonów i adresy.
privacy-readers = Pracownicy Rady Hrabstwa Devon czytają Twoje odpowiedzi.
privacy-use = Wykorzystują je, aby ulepszać wsparcie.
privacy-area = Zapisujemy tylko, w której części Devon mieszkasz.
privacy-safe = Jeśli napiszesz, że nie jesteś bezpieczny, osoba, która dba o bezpieczeństwo dzieci, od razu to przeczyta. Nawet zanim wyślesz odpowiedzi.
closed-title = Ta ankieta jest zamknięta
closed-text = Dziękujemy za odwiedziny. Na tę ankietę nie można już odpowiedzieć.

## Question pages

question-continue = Dalej
save-later = Zapisz i wróć później
error-choose-one = Wybierz jedną odpowiedź. Albo naciśnij „Pomiń to pytanie”.
error-choose-face = Wybierz, jak się czujesz. Albo naciśnij „Pomiń to pytanie”.
error-text-too-long = Odpowiedź jest za długa. Może mieć do 5000 znaków. Skróć ją, proszę.
error-choose-area = Wybierz swoją okolicę. Albo naciśnij „Pomiń to pytanie”.
error-postcode = Nie możemy znaleźć tego kodu pocztowego. Wybierz okolicę z listy albo naciśnij „Pomiń”.
error-area-postcode-differ = Twój kod pocztowy jest w innej okolicy niż ta, którą wybrano. Wybierz jedną okolicę albo usuń kod pocztowy.
area-postcode-label = Albo wpisz pierwszą część kodu pocztowego
area-postcode-hint = Na przykład EX4 albo TQ12.
area-pick-text = Która z tych okolic jest Twoja?
area-pick-hint = Twój kod pocztowy jest na granicy dwóch okolic.
text-hint = Napisz tyle, ile chcesz.

## Saved for later

saved-title = Twoje odpowiedzi są zapisane
saved-where = Twoje odpowiedzi są zapisane na tym telefonie lub komputerze.
saved-how = Wróć na tę stronę, aby kontynuować.
saved-days = Przechowujemy je przez 30 dni.
saved-continue = Kontynuuj teraz

## Check your answers

check-title = Sprawdź swoje odpowiedzi
check-hint = Możesz zmienić każdą odpowiedź.
check-change = Zmień
check-skipped = To pytanie zostało pominięte
check-not-answered = Jeszcze bez odpowiedzi
check-removed = Usunęliśmy imiona, numery telefonów i adresy.
check-send = Wyślij moje odpowiedzi

## Thank you

thanks-title = Dziękujemy
thanks-got = Otrzymaliśmy Twoje odpowiedzi.
thanks-next-title = Co będzie dalej
thanks-next-read = Pracownicy Rady Hrabstwa Devon je przeczytają.
thanks-next-change = Wykorzystają je, aby coś ulepszyć.
thanks-next-tell = Powiemy, co zmieniliśmy.
help-title = Jeśli potrzebujesz pomocy teraz
help-childline = Możesz bezpłatnie zadzwonić do Childline. Ich numer to:
help-danger = Jeśli jesteś teraz w niebezpieczeństwie, zadzwoń pod numer:
help-trusted = Możesz porozmawiać z dorosłym, któremu ufasz.
signpost-title = Dziękujemy, że nam o tym mówisz
signpost-hard = Wygląda na to, że jest Ci teraz trudno.
signpost-talk = Możesz porozmawiać z kimś od razu.
signpost-anonymous = Nie wiemy, kim jesteś. Dlatego nie możemy się z Tobą skontaktować.
signpost-read = Osoba, która dba o bezpieczeństwo dzieci, przeczyta to, co napisano.

## Other pages

about-title = O tej stronie
about-what = Dzięki tej stronie dzieci, młodzież i rodziny mogą powiedzieć, co myślą.
about-who = Prowadzi ją Rada Hrabstwa Devon razem z rodzinami.
about-pictures = Obrazki pochodzą z OpenMoji.
about-licence = Obrazki OpenMoji można udostępniać na licencji CC BY-SA 4.0.
not-found-title = Nie możemy znaleźć tej strony
not-found-text = Sprawdź adres strony. Albo wróć na pierwszą stronę.
not-found-link = Przejdź do pierwszej strony
slow-down-title = Zaczekaj minutę
slow-down-text = Wiele osób korzysta z tego samego połączenia internetowego.
slow-down-not-saved = Nie mogliśmy zapisać tej odpowiedzi. Zaczekaj minutę. Potem wróć i naciśnij przycisk jeszcze raz.
slow-down-saved = Twoje inne odpowiedzi są zapisane.
slow-down-wait = Zaczekaj minutę. Potem spróbuj jeszcze raz.
problem-title = Przepraszamy, coś poszło nie tak
problem-saved = Twoje odpowiedzi są zapisane.
problem-retry = Spróbuj ponownie za kilka minut.

not-saved-title = Przepraszamy, nie udało się tego zapisać
not-saved-answer = Twoja odpowiedź nadal jest na tej stronie. Poczekaj minutę. Potem naciśnij przycisk jeszcze raz.
not-sent-answers = Twoje odpowiedzi nadal są na tej stronie. Poczekaj minutę. Potem naciśnij „Wyślij moje odpowiedzi” jeszcze raz.
form-expired-title = Przepraszamy, nie udało się tego zapisać
form-expired-text = Wróć i spróbuj ponownie.
too-large-title = Przepraszamy, tekst był za długi
too-large-text = Wróć i skróć swoją odpowiedź.
too-large-saved = Twoje inne odpowiedzi są zapisane.
too-slow-title = Przepraszamy, to szło do nas za długo
too-slow-text = Możesz mieć słaby zasięg. Wróć i naciśnij przycisk jeszcze raz.

## email

email-ack-subject = Dziękujemy za Twoją opinię
email-ack-thanks = Dziękujemy za Twój e-mail. Otrzymaliśmy Twoją opinię.
email-ack-about = Twoja opinia dotyczy: { $title }
email-ack-private = Nie zapisujemy Twojego imienia ani adresu e-mail. Nikt nie wie, że ta opinia jest od Ciebie.
email-ack-files = Do e-maila był dołączony plik. Nie zapisaliśmy go. Zapisujemy tylko Twoje słowa.
email-ack-area = Nie wiemy, w jakiej okolicy mieszkasz.
email-ack-area-reply = Odpowiedz na ten e-mail i napisz nazwę swojej okolicy. Albo napisz pierwszą część kodu pocztowego.
email-ack-area-list = Okolice to: { $areas }.
email-ack-area-join = Dodamy Twoją okolicę do opinii, którą nam wysłano.
email-ack-area-added = Dziękujemy. Dodaliśmy Twoją okolicę do Twojej opinii: { $area }.
email-ack-sign = Zespół SEND, { $authority }
