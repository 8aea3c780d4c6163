"""Files shaped like the real exports of LinkedIn, Google/Apple/Outlook contacts, Toggl Track and
Clockify, for the importer, command-line and dialog tests. `write` puts one on disk as bytes, so
a test controls the BOM and line endings exactly as the exporting program would."""

from __future__ import annotations

from pathlib import Path

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"

#: Today's export: BOM, CRLF, the "Notes:" preamble, a member with no name, quoted commas and
#: newlines, non-ASCII names, an empty row, blank emails. Lines are numbered as an editor shows.
LINKEDIN = (
    "\ufeffNotes:\r\n"  # line 1
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\r\n'  # line 2
    "\r\n"  # line 3
    f"{LINKEDIN_HEADER}\r\n"  # line 4
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,"
    '"Analytical Engines, Ltd",Research Engineer,12 Mar 2024\r\n'  # line 5
    ",,,,,,01 Feb 2023\r\n"  # line 6: a member who hides their profile
    "José,Núñez,https://www.linkedin.com/in/jose-nunez,jose@example.com,"
    '"Señales\r\nIA",Head of ML,5 Sep 2021\r\n'  # lines 7-8: a quoted newline
    "\r\n"  # line 9: empty
    "Zhang,Wei,https://www.linkedin.com/in/zhangwei,,,Data Scientist,28 Feb 2022\r\n"  # line 10
    "Søren,Kierkegaard-Ørsted,https://www.linkedin.com/in/soren,,Datalab ApS,,1 Jan 2020\r\n"
)

#: An older export: no URL column, no preamble, LF line endings, no BOM.
LINKEDIN_OLD = (
    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    "Grace,Hopper,grace@example.org,US Navy,Rear Admiral,03 Jan 2018\n"
    "Alan,Turing,,,,\n"
)

GOOGLE_VCF = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Grace Hopper\r\n"
    "N:Hopper;Grace;;;\r\n"
    "item1.EMAIL;TYPE=INTERNET:g.hopper@navy.example\r\n"
    "item1.X-ABLabel:Work\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=HOME:grace@example.org\r\n"
    "TEL;TYPE=CELL:+1 555 0100\r\n"
    "ORG:US Navy;Computing\r\n"
    "TITLE:Rear Admiral\r\n"
    "item2.URL:https\\://example.org/grace\r\n"
    "item2.X-ABLabel:\r\n"
    "NOTE:Wrote the first compiler\\, A-0.\\nLoves a nanosecond of wire and keeps one in h\r\n"
    " er pocket.\r\n"
    "CATEGORIES:myContacts\r\n"
    "END:VCARD\r\n"
)

APPLE_VCF = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.4//EN\r\n"
    "N:Raman;Priya;;Dr.;\r\n"
    "FN:Dr. Priya Raman\r\n"
    "ORG:DeepMind Labs;\r\n"
    "TITLE:Staff ML Engineer\r\n"
    "item1.EMAIL;type=INTERNET;type=HOME:priya@home.example\r\n"
    "item2.EMAIL;type=INTERNET;type=WORK;type=pref:priya@work.example\r\n"
    "item2.X-ABLabel:_$!<Work>!$_\r\n"
    "item3.URL;type=pref:https://priya.example\r\n"
    "item3.X-ABLabel:_$!<HomePage>!$_\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLD\r\n"
    " BkSEx8aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/\r\n"
    "X-ABShowAs:PERSON\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Okafor;Chidi;;;\r\n"
    "ORG:St. John's University;Philosophy\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "EMAIL;type=INTERNET:noname@example.com\r\n"
    "END:VCARD\r\n"
)

#: Outlook's vCard 2.1: bare parameters, QUOTED-PRINTABLE with soft line breaks, UTF-8 and
#: Windows-1252 charsets.
OUTLOOK_VCF = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;LANGUAGE=de;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
    "ORG:Contoso Ltd.;Research\r\n"
    "TITLE:Principal Scientist\r\n"
    "EMAIL;INTERNET:juergen.private@example.de\r\n"
    "EMAIL;PREF;INTERNET:juergen@contoso.example\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Spricht gern =C3=BCber Transformer-Model=\r\n"
    "le und Reinforcement Learning.=0D=0AZweite Zeile.\r\n"
    "REV:20240312T101500Z\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=Windows-1252;QUOTED-PRINTABLE:Ren=E9e Dubois\r\n"
    "TITLE:Data Engineer\r\n"
    "END:VCARD\r\n"
)

VCARD4 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "FN:Yann Example\n"
    "EMAIL;TYPE=work;PREF=2:yann@work.example\n"
    "EMAIL;TYPE=home;PREF=1:yann@home.example\n"
    "URL:https://yann.example\n"
    "END:VCARD\n"
)

TOGGL_HEADER = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags,Amount ()"
)

#: Toggl Track detailed report: two entries on one project and day (summed), one entry with
#: only a description, one with neither, one of zero length.
TOGGL = (
    "\ufeff"
    f"{TOGGL_HEADER}\r\n"  # line 1
    "Ana,ana@example.com,Coursera,Deep Learning Specialization,,"
    '"Week 2, backprop",No,2024-03-11,19:00:00,2024-03-11,20:30:00,01:30:00,learning,\r\n'
    "Ana,ana@example.com,Coursera,Deep Learning Specialization,,Week 2 quiz,No,"
    "2024-03-11,21:00:00,2024-03-11,21:20:00,00:20:00,,\r\n"  # line 3
    "Ana,ana@example.com,,,,Reading the PyTorch docs,No,2024-03-12,07:00:00,2024-03-12,"
    "07:45:00,00:45:00,,\r\n"  # line 4
    "Ana,ana@example.com,,,,,No,2024-03-12,08:00:00,2024-03-12,08:15:00,00:15:00,,\r\n"
    "Ana,ana@example.com,Kaggle,Titanic,,,No,2024-03-13,09:00:00,2024-03-13,09:00:00,"
    "00:00:00,,\r\n"  # line 6
)

CLOCKIFY_HEADER = (
    "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,"
    "End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)"
)

#: Clockify detailed report with its default MM/DD/YYYY dates and 12-hour clock.
CLOCKIFY = (
    f"{CLOCKIFY_HEADER}\n"
    "fast.ai Part 1,,Lesson 3,,Ana,,ana@example.com,,No,03/11/2024,07:00:00 PM,03/11/2024,"
    "08:30:00 PM,01:30:00,1.50,0.00,0.00\n"
    "fast.ai Part 1,,Lesson 4,,Ana,,ana@example.com,,No,03/13/2024,06:00:00 AM,03/13/2024,"
    "08:15:00 AM,02:15:00,2.25,0.00,0.00\n"
    "fast.ai Part 1,,Lesson 4 notebook,,Ana,,ana@example.com,,No,03/13/2024,09:00:00 PM,"
    "03/13/2024,09:30:00 PM,00:30:00,0.50,0.00,0.00\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def linkedin_rows(count: int) -> str:
    """A LinkedIn export with `count` distinct connections, as a big network's file looks."""
    rows = [
        f"Person{i},Surname{i},https://www.linkedin.com/in/p{i},,"
        f'"Company {i % 997}, Inc",Engineer,{1 + i % 28} Mar 2024'
        for i in range(count)
    ]
    return 'Notes:\r\n"LinkedIn\'s note"\r\n\r\n' + "\r\n".join([LINKEDIN_HEADER, *rows]) + "\r\n"


#: LinkedIn's export of 2018: no URL column, "Connected On" as "1/8/18, 6:14 PM" (month first),
#: and a member id where an email should be.
LINKEDIN_2018 = (
    "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
    'Grace,Hopper,grace@example.org,US Navy,Rear Admiral,"1/8/18, 6:14 PM"\r\n'
    'Alan,Turing,urn:li:member:664293716,Bletchley Park,Cryptanalyst,"12/24/17, 9:02 AM"\r\n'
    'Katherine,Johnson,,NASA,Mathematician,"3/5/18, 11:45 AM"\r\n'
)

#: Two different people named Sam Lee, told apart only by their profile URL, plus a phone.
LINKEDIN_NAMESAKES = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Phone Number\r\n"
    "Sam,Lee,https://www.linkedin.com/in/samlee-ml,,Acme AI,ML Engineer,12 Mar 2024,"
    "+1 415 555 0101\r\n"
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-42,,Globex,Data Analyst,2 Apr 2024,\r\n"
    "Sam,Lee,https://www.linkedin.com/in/samlee-ml/,,Acme AI,ML Engineer,12 Mar 2024,\r\n"
)

#: Clockify set to DD/MM/YYYY where every day is 12 or less: nothing in the rows decides.
CLOCKIFY_DAY_FIRST_AMBIGUOUS = (
    f"{CLOCKIFY_HEADER}\n"
    "MLOps Zoomcamp,,Week 1,,Ana,,ana@example.com,,No,06/06/2024,19:00:00,06/06/2024,"
    "20:00:00,01:00:00,1.00,0.00,0.00\n"
    "MLOps Zoomcamp,,Week 1 homework,,Ana,,ana@example.com,,No,05/06/2024,19:00:00,05/06/2024,"
    "19:30:00,00:30:00,0.50,0.00,0.00\n"
    "MLOps Zoomcamp,,Setup,,Ana,,ana@example.com,,No,01/06/2024,10:00:00,01/06/2024,"
    "10:45:00,00:45:00,0.75,0.00,0.00\n"
)

#: The same order decided by a later row (a day over 12) and by an entry past midnight that
#: would last a month if read month first.
CLOCKIFY_DAY_FIRST_BY_ROW = CLOCKIFY_DAY_FIRST_AMBIGUOUS + (
    "MLOps Zoomcamp,,Week 2,,Ana,,ana@example.com,,No,13/06/2024,19:00:00,13/06/2024,"
    "20:00:00,01:00:00,1.00,0.00,0.00\n"
)
CLOCKIFY_DAY_FIRST_BY_SPAN = CLOCKIFY_DAY_FIRST_AMBIGUOUS + (
    "MLOps Zoomcamp,,Late night,,Ana,,ana@example.com,,No,05/06/2024,23:30:00,06/06/2024,"
    "00:30:00,01:00:00,1.00,0.00,0.00\n"
)

#: Exact h:mm:ss durations whose rounded decimals add up to more: 3 x 0:08:42 is 0.435 h, the
#: decimal column says 0.15 each (0.45), and 7 x 1:03 h entries say 1.05 each.
CLOCKIFY_ROUNDING = f"{CLOCKIFY_HEADER}\n" + "".join(
    f"Kaggle,,Entry {i},,Ana,,ana@example.com,,No,03/14/2024,0{i}:00:00 AM,03/14/2024,"
    f"0{i}:08:42 AM,00:08:42,0.15,0.00,0.00\n"
    for i in range(1, 4)
)

#: A Clockify team report: three members' time in one file.
CLOCKIFY_TEAM = (
    f"{CLOCKIFY_HEADER}\n"
    "Onboarding,,Reading,,Ana Ruiz,,ana@example.com,,No,03/11/2024,09:00:00 AM,03/11/2024,"
    "10:00:00 AM,01:00:00,1.00,0.00,0.00\n"
    "Onboarding,,Reading,,Ben Okoro,,ben@example.com,,No,03/11/2024,09:00:00 AM,03/11/2024,"
    "11:00:00 AM,02:00:00,2.00,0.00,0.00\n"
    "Onboarding,,Pairing,,Chen Li,,chen@example.com,,No,03/11/2024,01:00:00 PM,03/11/2024,"
    "04:00:00 PM,03:00:00,3.00,0.00,0.00\n"
    "Onboarding,,Pairing,,Ana Ruiz,,ana@example.com,,No,03/13/2024,01:00:00 PM,03/13/2024,"
    "01:30:00 PM,00:30:00,0.50,0.00,0.00\n"
)

#: Toggl Track's newer "Export time entries" (Timer page): BOM, quoted first column, durations
#: with a unit.
TOGGL_ENTRIES_HEADER = (
    '"Description",Duration,Member,Email,Project,Client,Task,Tags,Billable,'
    "Start date,Start time,Stop date,Stop time"
)
TOGGL_ENTRIES = (
    "\ufeff"
    f"{TOGGL_ENTRIES_HEADER}\n"
    '"Attention paper",18:25 min,Ana,ana@example.com,Reading group,,,,false,'
    "2024-03-11,19:00:00,2024-03-11,19:18:25\n"
    '"Attention paper, notes",41:35 min,Ana,ana@example.com,Reading group,,,,false,'
    "2024-03-11,19:30:00,2024-03-11,20:11:35\n"
    '"Transformer from scratch",1:30:00 h,Ana,ana@example.com,Side project,,,,false,'
    "2024-03-12,07:00:00,2024-03-12,08:30:00\n"
    '"Quick check",45 sec,Ana,ana@example.com,Side project,,,,false,'
    "2024-03-12,09:00:00,2024-03-12,09:00:45\n"
)

#: A vCard with phone numbers as Google (3.0) and Apple write them.
PHONES_VCF = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Grace Hopper\r\n"
    "TEL;TYPE=CELL:+1 555 0100\r\n"
    "item1.TEL;type=WORK;type=pref:+1 555 0199\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Yann Example\r\n"
    'TEL;VALUE=uri;TYPE="voice,home":tel:+33-1-23-45-67-89\r\n'
    "END:VCARD\r\n"
)

#: Google Calendar's export of a "Gym" calendar: UTC times, the owner's zone in X-WR-TIMEZONE,
#: a weekly series with an exception and a moved occurrence, an all-day event.
GOOGLE_ICS = (
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "VERSION:2.0\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "METHOD:PUBLISH\r\n"
    "X-WR-CALNAME:Gym\r\n"
    "X-WR-TIMEZONE:Europe/Berlin\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;TZID=Europe/Berlin:20240304T070000\r\n"
    "DTEND;TZID=Europe/Berlin:20240304T080000\r\n"
    "RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20240324T225959Z;BYDAY=MO,TH\r\n"
    "EXDATE;TZID=Europe/Berlin:20240314T070000\r\n"
    "DTSTAMP:20240401T120000Z\r\n"
    "UID:5k2b1c@google.com\r\n"
    "CREATED:20240301T100000Z\r\n"
    "LAST-MODIFIED:20240301T100000Z\r\n"
    "SEQUENCE:0\r\n"
    "STATUS:CONFIRMED\r\n"
    "SUMMARY:Strength training\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;TZID=Europe/Berlin:20240319T183000\r\n"
    "DTEND;TZID=Europe/Berlin:20240319T200000\r\n"
    "DTSTAMP:20240401T120000Z\r\n"
    "UID:5k2b1c@google.com\r\n"
    "RECURRENCE-ID;TZID=Europe/Berlin:20240318T070000\r\n"
    "SUMMARY:Strength training (moved)\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20240310T233000Z\r\n"
    "DTEND:20240311T003000Z\r\n"
    "DTSTAMP:20240401T120000Z\r\n"
    "UID:night-swim@google.com\r\n"
    "SUMMARY:Night swim\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20240316\r\n"
    "DTEND;VALUE=DATE:20240317\r\n"
    "DTSTAMP:20240401T120000Z\r\n"
    "UID:hike@google.com\r\n"
    "SUMMARY:Hiking day\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)

#: Outlook's export: a Windows zone name in a VTIMEZONE, colour categories, a weekday series
#: with a COUNT, and a cancelled meeting.
OUTLOOK_ICS = (
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\n"
    "METHOD:PUBLISH\r\n"
    "X-WR-CALNAME:Calendar\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:W. Europe Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16011028T030000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010325T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "CATEGORIES:Office\r\n"
    "CLASS:PUBLIC\r\n"
    'DTSTART;TZID="W. Europe Standard Time":20240311T090000\r\n'
    'DTEND;TZID="W. Europe Standard Time":20240311T170000\r\n'
    "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO,TU,WE,TH,FR\r\n"
    "DTSTAMP:20240401T120000Z\r\n"
    "PRIORITY:5\r\n"
    "SEQUENCE:0\r\n"
    "SUMMARY;LANGUAGE=en-us:Office hours\r\n"
    "TRANSP:OPAQUE\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A601000000000000000010000000\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "CATEGORIES:Blue Category,Friends\r\n"
    'DTSTART;TZID="W. Europe Standard Time":20240315T190000\r\n'
    'DTEND;TZID="W. Europe Standard Time":20240315T223000\r\n'
    "DTSTAMP:20240401T120000Z\r\n"
    "SUMMARY;LANGUAGE=en-us:Board games\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000B0B1C2D3E4F5A601000000000000000010000000\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "CATEGORIES:Office\r\n"
    'DTSTART;TZID="W. Europe Standard Time":20240313T180000\r\n'
    'DTEND;TZID="W. Europe Standard Time":20240313T190000\r\n'
    "DTSTAMP:20240401T120000Z\r\n"
    "STATUS:CANCELLED\r\n"
    "SUMMARY;LANGUAGE=en-us:Canceled: Team drinks\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000C0B1C2D3E4F5A601000000000000000010000000\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)

#: Apple Calendar's export of a calendar named "Rest": a sleep event across the night the
#: clocks went forward in Berlin (8 h on the clock, 7 h lived).
APPLE_ICS = (
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.4//EN\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "X-WR-CALNAME:Rest\r\n"
    "X-APPLE-CALENDAR-COLOR:#34AADC\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Berlin\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "DTSTART:19810329T020000\r\n"
    "TZNAME:CEST\r\n"
    "TZOFFSETTO:+0200\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "DTSTART:19961027T030000\r\n"
    "TZNAME:CET\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "CREATED:20240320T090000Z\r\n"
    "UID:9F1A2B3C-4D5E-6F70-8192-A3B4C5D6E7F8\r\n"
    "DTEND;TZID=Europe/Berlin:20240331T070000\r\n"
    "TRANSP:OPAQUE\r\n"
    "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n"
    "SUMMARY:Long sleep\r\n"
    "DTSTART;TZID=Europe/Berlin:20240330T230000\r\n"
    "DTSTAMP:20240330T090000Z\r\n"
    "SEQUENCE:0\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
