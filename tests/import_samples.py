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
