// Suggestions for the skill fields of a form (inputs with data-skill-suggest and a datalist): the
// taxonomy's skills whose name or synonym contains what was typed, asked of the GraphQL API with
// the session's CSRF token. Names are set as option values only, never parsed as markup. Without
// this script the fields still work: the server resolves the names.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[data-skill-suggest]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!inputs.length || !token) return;
  var query = 'query Suggest($q: String) { skills(first: 10, where: {nameContains: $q},' +
    ' orderBy: {field: NAME}) { edges { node { name } } } }';
  var timer = null;
  var asked = '';

  function suggest(input) {
    var list = document.getElementById(input.getAttribute('list'));
    var text = input.value.trim();
    if (!list || text.length < 2 || text === asked) return;
    asked = text;
    fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token.getAttribute('content') },
      body: JSON.stringify({ query: query, variables: { q: text } })
    }).then(function (r) { return r.json(); }).then(function (answer) {
      var edges = answer && answer.data && answer.data.skills ? answer.data.skills.edges : [];
      while (list.firstChild) list.removeChild(list.firstChild);
      edges.forEach(function (e) {
        var option = document.createElement('option');
        option.value = e.node.name;
        list.appendChild(option);
      });
    }).catch(function () { /* suggestions are a convenience; the form works without them */ });
  }

  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(input); }, 200);
    });
  });
})();
