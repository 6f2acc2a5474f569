/* What is still to come, decided in the reader's browser (the site is static). One script for
 * the next meeting (meeting.py), the coming events on Termine and the next event on the start
 * page (events.py), so a page that shows both loads one file. The texts it shows and the times
 * it compares come from data attributes the build writes (texts from the site's catalog in the
 * page's language, instants with their offset): the script holds no word of its own. Without
 * JavaScript the meeting's rule ("Jeden Mittwoch …") and every event with its date stay, and
 * nothing claims to be upcoming; an event that has ended is never shown as coming.
 */
(function () {
  "use strict";

  // -- The next meeting (meeting.py writes its data) ----------------------------------------

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

  function showNextMeeting(element, now) {
    var data = element.dataset;
    var rule = {
      weekday: +data.weekday,
      start: minutes(data.start),
      end: minutes(data.end),
      timeZone: data.timezone,
    };
    var meeting = nextMeeting(now, rule);
    var line = document.createElement("p");
    line.className = "oklab-meeting-next";
    line.appendChild(document.createTextNode(data.label + " "));
    var time = document.createElement("time");
    time.dateTime = datetimeAttribute(meeting, rule);
    time.textContent = label(meeting, rule, data);
    line.appendChild(time);
    element.appendChild(line);
  }

  // -- Events: Termine's first page, the start page (events.py writes their data) ----------

  /* The instant in the element's data-start, data-end … attribute (milliseconds). */
  function dataInstant(element, name) {
    return Date.parse(element.getAttribute("data-" + name));
  }

  function heading(text) {
    var element = document.createElement("h2");
    element.textContent = text;
    return element;
  }

  function sortEvents(list, now) {
    var grid = list.firstElementChild;
    var row = grid.firstElementChild;
    var items = Array.prototype.slice.call(row.children);
    var coming = items.filter(function (item) {
      return dataInstant(item, "end") > now;
    });
    coming.sort(function (a, b) {
      return dataInstant(a, "start") - dataInstant(b, "start");
    });
    list.insertBefore(heading(list.dataset.upcoming), grid);
    // Some events on the later pages have not ended: say so before the first page's.
    var more = list.querySelector(".oklab-events-more");
    if (more && now < dataInstant(list, "later-end")) {
      list.insertBefore(more, grid);
      more.hidden = false;
    }
    if (coming.length) {
      var comingGrid = grid.cloneNode(false);
      var comingRow = row.cloneNode(false);
      comingGrid.appendChild(comingRow);
      coming.forEach(function (item) {
        comingRow.appendChild(item);
      });
      list.insertBefore(comingGrid, grid);
    } else {
      var none = document.createElement("p");
      none.textContent = list.dataset.none;
      list.insertBefore(none, grid);
    }
    if (row.children.length) {
      list.insertBefore(heading(list.dataset.past), grid);
    } else {
      list.removeChild(grid);
    }
  }

  function showNextEvent(box, now) {
    var candidates = box.querySelectorAll("[data-end]");
    for (var i = 0; i < candidates.length; i++) {
      var candidate = candidates[i];
      if (dataInstant(candidate, "end") <= now) {
        continue;
      }
      var begun = dataInstant(candidate, "start") <= now;
      if (i === 0 && !begun && box.dataset.complete !== "true") {
        return;
      }
      if (begun) {
        var label = candidate.querySelector("[data-running]");
        label.textContent = label.dataset.running;
      }
      candidate.hidden = false;
      box.hidden = false;
      return;
    }
  }


  var now = Date.now();
  var meetings = document.querySelectorAll(".oklab-next-meeting[data-weekday]");
  for (var i = 0; i < meetings.length; i++) {
    try {
      showNextMeeting(meetings[i], now);
    } catch (error) {
      // A browser without time-zone support keeps the rule ("Jeden Mittwoch …") alone.
    }
  }
  var lists = document.querySelectorAll(".oklab-events[data-upcoming]");
  for (var j = 0; j < lists.length; j++) {
    sortEvents(lists[j], now);
  }
  var boxes = document.querySelectorAll(".oklab-next-event[data-complete]");
  for (var k = 0; k < boxes.length; k++) {
    showNextEvent(boxes[k], now);
  }
})();
