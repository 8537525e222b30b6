/* Results page client: connects socket.io relative to this page, so it works at "/" and at "/result/". */
(function () {
  'use strict';

  var base = location.pathname.replace(/[^/]*$/, '');
  var socket = io({ path: base + 'socket.io' });

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function render(a, b) {
    var total = a + b;
    var percentA = total ? (100 * a) / total : 50;
    text('percent-a', percentA.toFixed(1) + '%');
    text('percent-b', (100 - percentA).toFixed(1) + '%');
    text('total', total === 0 ? 'No votes yet' : total === 1 ? '1 vote' : total + ' votes');
    document.body.style.setProperty('--split', percentA + '%');
  }

  function connection(state) {
    var el = document.getElementById('connection');
    el.textContent = state;
    el.className = state === 'live' ? 'online' : 'offline';
  }

  socket.on('connect', function () { connection('live'); });
  socket.on('disconnect', function () { connection('reconnecting…'); });
  socket.on('message', function (data) { console.log(data.text); });
  socket.on('scores', function (json) {
    var scores = JSON.parse(json);
    render(Number(scores.a) || 0, Number(scores.b) || 0);
  });
})();
