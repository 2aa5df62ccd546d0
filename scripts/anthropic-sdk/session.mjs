// Anthropic's TypeScript SDK against `ponder serve`: plain, streamed and tool-use calls with single, vote@5 and
// adaptive model names, over the shipped replay bank and over a fake OpenAI-compatible upstream (started here, on
// loopback) whose five samples call a tool in three spellings of one call and two of another. Prints what it sent
// and what came back; exits 1 on the first check that fails. Run by scripts/anthropic-sdk-session.
import Anthropic from '@anthropic-ai/sdk';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [root, work] = process.argv.slice(2);
const DICE = 'Two fair 6-sided dice are rolled.  What is the probability the sum rolled is 9?';
const CALLS = ['{"city": "Paris", "days": 2}', '{"city":"Lyon"}', '{ "days": 2.0, "city": "Paris" }', '{"city": "Lyon"}', '{"days":2e0,"city":"Paris"}'];
const WEATHER = { name: 'weather', description: 'the weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'number' } }, required: ['city'] } };

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exit(1);
}

/** A fake OpenAI-compatible upstream: choice i of a request calls weather with CALLS[i % 5]; streamed when asked. */
function upstream() {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const b = JSON.parse(body);
      const n = b.n ?? 1;
      const call = (i) => ({ id: `call_${i}`, type: 'function', function: { name: 'weather', arguments: CALLS[i % 5] } });
      const usage = { prompt_tokens: 40 * n, completion_tokens: 12 * n, total_tokens: 52 * n };
      if (b.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = (o) => res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: b.model, ...o })}\n\n`);
        const args = CALLS[0];
        chunk({ choices: [{ index: 0, delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'call_0', type: 'function', function: { name: 'weather', arguments: '' } }] }, finish_reason: null }] });
        for (const piece of [args.slice(0, 10), args.slice(10)]) chunk({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }] });
        chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
        chunk({ choices: [], usage });
        res.end('data: [DONE]\n\n');
        return;
      }
      const choices = [...Array(n).keys()].map((i) => ({ index: i, message: { role: 'assistant', content: null, tool_calls: [call(i)] }, finish_reason: 'tool_calls' }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'c', object: 'chat.completion', model: b.model, choices, usage }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function serve(upstreamPort) {
  const config = join(work, 'serve.yaml');
  writeFileSync(config, `server: {port: 0}\nbanks: default\nupstreams:\n  - name: fake\n    base_url: http://127.0.0.1:${upstreamPort}/v1\n    models: [fake-model]\n`);
  const proc = spawn(join(root, 'ponder'), ['serve', '--config', config], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.:]+)\/v1/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`ponder serve exited with ${code}: ${out}`)));
  });
  return { proc, url };
}

const fake = await upstream();
const { proc, url } = await serve(fake.address().port);
try {
  const client = new Anthropic({ baseURL: url, apiKey: 'not-needed', maxRetries: 0 });
  console.log(`@anthropic-ai/sdk against ponder serve at ${url}`);
  for (const model of ['replay:math-qwen25-rm8', 'vote@5:replay:math-qwen25-rm8', 'adaptive:replay:math-qwen25-rm8']) {
    const m = await client.messages.create({ model, max_tokens: 512, messages: [{ role: 'user', content: DICE }] });
    check(m.type === 'message' && m.content[0].type === 'text' && m.content[0].text.includes('boxed') && m.stop_reason === 'end_turn',
      `${model}: plain -> ${m.content[0].type} block, stop_reason ${m.stop_reason}, ponder.runs[0].answer ${m.ponder.runs[0].answer}`);
    const events = [];
    const stream = client.messages.stream({ model, max_tokens: 512, messages: [{ role: 'user', content: DICE }] });
    stream.on('streamEvent', (e) => events.push(e.type));
    const final = await stream.finalMessage();
    check(final.content[0].text.includes('\\boxed{\\frac{1}{9}}') && events[0] === 'message_start' && events.at(-1) === 'message_stop',
      `${model}: streamed -> ${[...new Set(events)].join(', ')}`);
  }
  const ask = { max_tokens: 256, tools: [WEATHER], messages: [{ role: 'user', content: 'weather in Paris for 2 days?' }] };
  for (const model of ['fake-model', 'vote@5:fake-model', 'adaptive:fake-model']) {
    for (const streamed of [false, true]) {
      const m = streamed ? await client.messages.stream({ model, ...ask }).finalMessage() : await client.messages.create({ model, ...ask });
      const use = m.content.find((b) => b.type === 'tool_use');
      check(m.stop_reason === 'tool_use' && use?.name === 'weather' && use.input.city === 'Paris',
        `${model}${streamed ? ' streamed' : ''}: tool_use ${use?.name}(${JSON.stringify(use?.input)}) id ${use?.id}, usage in ${m.usage.input_tokens} out ${m.usage.output_tokens}`
        + (m.ponder?.runs ? `, vote ${m.ponder.runs[0].answer} confidence ${m.ponder.runs[0].confidence}` : ''));
    }
  }
  try {
    await client.messages.create({ model: 'no-such-model', max_tokens: 9, messages: [{ role: 'user', content: 'hi' }] });
    check(false, 'an unknown model is refused');
  } catch (e) {
    check(e instanceof Anthropic.NotFoundError && e.error?.error?.type === 'not_found_error', `unknown model -> ${e.status} ${e.error?.error?.type}`);
  }
} finally {
  proc.kill();
  fake.close();
}
