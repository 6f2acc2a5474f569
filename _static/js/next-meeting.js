/* The next meeting of the OK Lab, computed in the reader's browser.
 *
 * The build writes the rule from _data/lab.yaml, and every text this script shows (already in
 * the page's language, from the site's catalog), into
 *   <div class="oklab-next-meeting" data-weekday="3" data-start="18:00" data-end="21:00"
 *        data-timezone="Europe/Berlin" data-locale="de" data-label="Nächstes Treffen:"
 *        data-today="heute, {date}" data-tomorrow="morgen, {date}"
 *        data-running="heute, {date} – läuft gerade bis 21 Uhr">
 * (weekday: ISO 8601, 1 = Monday … 7 = Sunday) and this script adds the label and the date in
 * a <time datetime="…">. The script holds no word of its own. No date is frozen into the HTML
 * at build time; without JavaScript the rule alone stays ("Jeden Mittwoch …").
 *
 * Dates are computed on the wall clock of the meeting's time zone, so the result is right
 * across daylight-saving changes and wherever the reader's device thinks it is. A meeting
 * that has begun but not ended is still "heute".
 */
(function () {
  "use strict";

  var ISO_WEEKDAY = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

  /* Date and time on the wall clock of `timeZone` at the instant `ms`. */
  function wallClock(ms, timeZone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(new Date(ms))
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return {
      year: +parts.year,
      month: +parts.month,
      day: +parts.day,
      hour: +parts.hour % 24,
      minute: +parts.minute,
      second: +parts.second,
      weekday: ISO_WEEKDAY[parts.weekday],
    };
  }

  /* Minutes that `timeZone` is ahead of UTC at the instant `ms`. */
  function offsetMinutes(ms, timeZone) {
    var w = wallClock(ms, timeZone);
    var asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
  }

  /* The instant at which the wall clock of `timeZone` shows the given date and time. */
  function instant(year, month, day, minuteOfDay, timeZone) {
    var guess = Date.UTC(year, month - 1, day, 0, minuteOfDay);
    var first = guess - offsetMinutes(guess, timeZone) * 60000;
    return guess - offsetMinutes(first, timeZone) * 60000;
  }

  function minutes(hhmm) {
    var parts = hhmm.split(":");
    return +parts[0] * 60 + +parts[1];
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* The next meeting that has not ended at instant `now`. */
  function nextMeeting(now, rule) {
    var today = wallClock(now, rule.timeZone);
    var nowMinute = today.hour * 60 + today.minute;
    var days = (rule.weekday - today.weekday + 7) % 7;
    if (days === 0 && nowMinute >= rule.end) {
      days = 7;
    }
    // Calendar arithmetic on the date alone: no hours are added, so DST cannot shift it.
    var date = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
    var meeting = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      days: days,
      running: days === 0 && nowMinute >= rule.start,
    };
    meeting.start = instant(meeting.year, meeting.month, meeting.day, rule.start, rule.timeZone);
    return meeting;
  }

  /* "2027-03-31T18:00+02:00": the local start with the zone's offset on that day. */
  function datetimeAttribute(meeting, rule) {
    var offset = offsetMinutes(meeting.start, rule.timeZone);
    var sign = offset < 0 ? "-" : "+";
    offset = Math.abs(offset);
    return (
      meeting.year + "-" + pad(meeting.month) + "-" + pad(meeting.day) +
      "T" + pad(Math.floor(rule.start / 60)) + ":" + pad(rule.start % 60) +
      sign + pad(Math.floor(offset / 60)) + ":" + pad(offset % 60)
    );
  }

  function label(meeting, rule, texts) {
    var date = new Intl.DateTimeFormat(texts.locale, {
      timeZone: rule.timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
    }).format(new Date(meeting.start));
    var template = "{date}";
    if (meeting.running) {
      template = texts.running;
    } else if (meeting.days === 0) {
      template = texts.today;
    } else if (meeting.days === 1) {
      template = texts.tomorrow;
    }
    return template.replace("{date}", date);
  }

  function show(element) {
    var data = element.dataset;
    var rule = {
      weekday: +data.weekday,
      start: minutes(data.start),
      end: minutes(data.end),
      timeZone: data.timezone,
    };
    var meeting = nextMeeting(Date.now(), rule);
    var line = document.createElement("p");
    line.className = "oklab-meeting-next";
    line.appendChild(document.createTextNode(data.label + " "));
    var time = document.createElement("time");
    time.dateTime = datetimeAttribute(meeting, rule);
    time.textContent = label(meeting, rule, data);
    line.appendChild(time);
    element.appendChild(line);
  }

  var elements = document.querySelectorAll(".oklab-next-meeting[data-weekday]");
  for (var i = 0; i < elements.length; i++) {
    try {
      show(elements[i]);
    } catch (error) {
      // A browser without time-zone support keeps the rule ("Jeden Mittwoch …") alone.
    }
  }
})();
