/* Which events are still to come, decided in the reader's browser (the site is static).
 *
 * The build writes every event's start and end as instants with their offset, and every text
 * this script shows (already in the page's language, from the site's catalog):
 *
 * - Termine: <div class="oklab-events" data-upcoming="Kommende Termine"
 *   data-past="Vergangene Termine" data-none="Zurzeit ist kein weiterer Termin angekündigt.">
 *   holds the events, latest first, each in an element with data-start and data-end. The
 *   script puts the events that have not ended first, soonest first, under the first heading,
 *   and the others under the second.
 * - Start page: <div class="oklab-next-event" hidden data-complete="true|false"> holds the
 *   events that start last, hidden, earliest first. The script shows the first that has not
 *   ended; if it has begun, its label becomes the label's data-running text. When the page
 *   does not carry every event (data-complete="false") and the first event on it has not
 *   begun, an earlier event might be missing from the page: then nothing is shown.
 *
 * The script holds no word of its own. Without JavaScript every event stays listed with its
 * date, and nothing claims to be upcoming; an event that has ended is never shown as coming.
 */
(function () {
  "use strict";

  function instant(element, name) {
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
      return instant(item, "end") > now;
    });
    coming.sort(function (a, b) {
      return instant(a, "start") - instant(b, "start");
    });
    list.insertBefore(heading(list.dataset.upcoming), grid);
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
      if (instant(candidate, "end") <= now) {
        continue;
      }
      var begun = instant(candidate, "start") <= now;
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
  var lists = document.querySelectorAll(".oklab-events[data-upcoming]");
  for (var i = 0; i < lists.length; i++) {
    sortEvents(lists[i], now);
  }
  var boxes = document.querySelectorAll(".oklab-next-event[data-complete]");
  for (var j = 0; j < boxes.length; j++) {
    showNextEvent(boxes[j], now);
  }
})();
