// The sandbox frame's only script (inline in its srcdoc, allowed by its hash). It trusts one message, from the
// app that made the frame: the worker's whole script, and a port for the answer. The worker runs in this frame's
// opaque origin, under this frame's policy (and the app's, inherited): no storage of the app's, no network.
// What the worker posts goes back as `{ fromWorker }` (the app keeps only the runner's tagged report among them);
// a script that does not parse, or an error nothing caught, as `{ workerError }`.
addEventListener('message', function start(event) {
  if (event.source !== parent || typeof event.data !== 'string' || event.ports.length !== 1) return;
  removeEventListener('message', start);
  var port = event.ports[0];
  var worker = new Worker(URL.createObjectURL(new Blob([event.data], { type: 'text/javascript' })));
  worker.onmessage = function (message) {
    port.postMessage({ fromWorker: message.data });
  };
  worker.onerror = function (error) {
    error.preventDefault();
    port.postMessage({ workerError: String(error.message) });
  };
});
parent.postMessage('exercise-sandbox-ready', '*');
