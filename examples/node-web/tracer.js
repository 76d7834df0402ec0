// Loaded first with `node -r ./tracer.js server.js`.
const tracer = require('dd-trace').init({
  profiling: 'enabled',
  env: 'prod',
  service: 'web',
  version: '1.0.3',
  logInjection: true,
});

module.exports = tracer;
