// The sandbox frame's only script (inline in its srcdoc, allowed by its hash). It trusts one message, from the
// app that made the frame: the worker's whole script, and a port for the report. The worker runs in this frame's
// opaque origin, under this frame's policy (and the app's, inherited): no storage of the app's, no network.
addEventListener('message', function start(event) {
  if (event.source !== parent || typeof event.data !== 'string' || event.ports.length !== 1) return;
  removeEventListener('message', start);
  var port = event.ports[0];
  var worker = new Worker(URL.createObjectURL(new Blob([event.data], { type: 'text/javascript' })));
  worker.onmessage = function (message) {
    port.postMessage(message.data);
  };
  worker.onerror = function (error) {
    error.preventDefault();
    port.postMessage({ kind: 'broken', reason: 'Your code could not run: ' + error.message });
  };
});
parent.postMessage('exercise-sandbox-ready', '*');
