// Starts GraphiQL (React and GraphiQL from the application's WebJars) against /graphql with the
// portal's session cookie and its CSRF header; no script is loaded from anywhere else.
(function () {
  'use strict';
  var meta = function (name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  };
  var headers = {};
  if (meta('csrf-token')) headers[meta('csrf-header')] = meta('csrf-token');
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: headers });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '{ graphStats { experts skills courses projects } }'
  }));
})();
