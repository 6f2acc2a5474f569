/* The site's search, on the search page only (oklab.search).
 *
 * Loads Sphinx's German stemmer (language_data.js), the search index (searchindex.js) and the
 * pages' addresses and descriptions (search-pages.json) when the reader focuses the field or
 * searches; never before. All texts come from the page's data attributes (the catalog).
 */
"use strict";

(function () {
  const box = document.getElementById("oklab-search");
  if (!box) {
    return;
  }
  const form = document.querySelector(".oklab-search-form");
  const input = document.getElementById("oklab-search-query");
  const status = document.getElementById("oklab-search-status");
  const list = document.getElementById("oklab-search-results");
  const data = box.dataset;
  let loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  // searchindex.js calls Search.setIndex({...}).
  function load() {
    if (loading === null) {
      const index = new Promise(function (resolve) {
        window.Search = { setIndex: resolve };
      });
      const scripts = loadScript(data.stemmer).then(function () {
        return loadScript(data.index);
      });
      const pages = fetch(data.pages).then(function (response) {
        return response.json();
      });
      loading = Promise.all([scripts.then(function () { return index; }), pages]);
    }
    return loading;
  }

  function words(query) {
    const stemmer = new window.Stemmer();
    return query
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) {
        return word && !stopwords.has(word); // stopwords: from language_data.js
      })
      .map(function (word) {
        return stemmer.stemWord(word);
      })
      .filter(Boolean);
  }

  function documents(entry) {
    return Array.isArray(entry) ? entry : [entry];
  }

  // For one stemmed word: each page's best score (title over text, whole word over part).
  function scoresFor(index, word) {
    const scores = new Map();
    const tables = [
      [index.titleterms, 15, 7],
      [index.terms, 5, 2],
    ];
    for (const [table, whole, part] of tables) {
      for (const key of Object.keys(table)) {
        const weight = key === word ? whole : word.length > 2 && key.includes(word) ? part : 0;
        if (weight) {
          for (const doc of documents(table[key])) {
            scores.set(doc, Math.max(scores.get(doc) || 0, weight));
          }
        }
      }
    }
    return scores;
  }

  // Pages that contain every word of the query, the best first.
  function search(index, pages, query) {
    const stems = words(query);
    if (!stems.length) {
      return [];
    }
    let total = null;
    for (const stem of stems) {
      const scores = scoresFor(index, stem);
      const next = new Map();
      for (const [doc, score] of scores) {
        if (total === null || total.has(doc)) {
          next.set(doc, (total === null ? 0 : total.get(doc)) + score);
        }
      }
      total = next;
    }
    return Array.from(total)
      .filter(function ([doc]) {
        return index.docnames[doc] in pages;
      })
      .sort(function (a, b) {
        return b[1] - a[1] || index.titles[a[0]].localeCompare(index.titles[b[0]]);
      })
      .map(function ([doc]) {
        const page = pages[index.docnames[doc]];
        return { title: index.titles[doc], url: data.root + page.url, text: page.description };
      });
  }

  function show(query, results) {
    list.replaceChildren();
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      item.append(link);
      if (result.text) {
        const text = document.createElement("p");
        text.textContent = result.text;
        item.append(text);
      }
      list.append(item);
    }
    let message = data.textNone;
    if (results.length === 1) {
      message = data.textOne;
    } else if (results.length > 1) {
      message = data.textMany.replace("%d", String(results.length));
    }
    status.textContent = message.replace("%s", query);
  }

  function run(query) {
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = data.textSearching;
    load().then(function ([index, pages]) {
      show(query, search(index, pages, query));
    });
  }

  input.addEventListener("focus", load, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const query = input.value;
    const url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url);
    run(query);
  });
  const query = new URLSearchParams(window.location.search).get("q") || "";
  if (query) {
    input.value = query;
    run(query);
  }
})();
