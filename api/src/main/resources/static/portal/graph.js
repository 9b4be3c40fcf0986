// The portal's graph view: a radial drawing of one node's neighbours, with pan (drag), zoom (wheel
// and buttons) and click-through. Names are set with textContent only, never parsed as markup.
(function () {
  'use strict';
  var figure = document.getElementById('graph');
  if (!figure) return;
  var data = JSON.parse(figure.getAttribute('data-graph'));
  var svg = figure.querySelector('svg');
  var NS = 'http://www.w3.org/2000/svg';
  var base = { x: -400, y: -300, w: 800, h: 600 };
  var view = { x: base.x, y: base.y, w: base.w, h: base.h };

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  var others = data.nodes.length - 1;
  data.nodes.forEach(function (n, i) {
    if (i === 0) { n.x = 0; n.y = 0; return; }
    var ring = others > 16 && i % 2 === 0 ? 250 : 170;
    var angle = (2 * Math.PI * (i - 1)) / Math.max(others, 1);
    n.x = Math.round(ring * Math.cos(angle));
    n.y = Math.round(ring * Math.sin(angle));
  });

  var world = el('g', {});
  svg.appendChild(world);
  data.links.forEach(function (l) {
    var a = data.nodes[l.source], b = data.nodes[l.target];
    var line = el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'class': 'link' });
    var title = el('title', {});
    title.textContent = l.label;
    line.appendChild(title);
    world.appendChild(line);
  });
  data.nodes.forEach(function (n, i) {
    var link = el('a', { href: n.href, 'class': 'node ' + n.kind + (i === 0 ? ' center' : '') });
    link.appendChild(el('circle', { cx: n.x, cy: n.y, r: i === 0 ? 16 : 10 }));
    var text = el('text', { x: n.x, y: n.y + (i === 0 ? 32 : 24), 'text-anchor': 'middle' });
    text.textContent = n.name;
    link.appendChild(text);
    var title = el('title', {});
    title.textContent = n.name + ' (' + n.kind + ', ' + n.label + ')';
    link.appendChild(title);
    world.appendChild(link);
  });

  function apply() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
  }
  function zoom(factor) {
    if (factor === 0) { view = { x: base.x, y: base.y, w: base.w, h: base.h }; apply(); return; }
    var cx = view.x + view.w / 2, cy = view.y + view.h / 2;
    view.w /= factor; view.h /= factor;
    view.x = cx - view.w / 2; view.y = cy - view.h / 2;
    apply();
  }
  figure.querySelectorAll('button[data-zoom]').forEach(function (b) {
    b.addEventListener('click', function () { zoom(parseFloat(b.getAttribute('data-zoom'))); });
  });
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.target.closest && e.target.closest('a')) return;
    drag = { x: e.clientX, y: e.clientY };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var scale = view.w / svg.clientWidth;
    view.x -= (e.clientX - drag.x) * scale;
    view.y -= (e.clientY - drag.y) * scale;
    drag = { x: e.clientX, y: e.clientY };
    apply();
  });
  svg.addEventListener('pointerup', function () { drag = null; });
  apply();
})();
