// One real server for every component test file: started in a child process (see
// serve-for-tests.mts); its URL reaches the test workers through the environment.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function setup() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'serve-for-tests.mts')],
    {
      cwd: join(__dirname, '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`the test server exited (${code}):\n${output}`)));
  });
  process.env.TEST_API_URL = url;
  globalThis.__mobileTestServer = child;
};
