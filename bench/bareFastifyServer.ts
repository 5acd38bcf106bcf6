// A bare Fastify answering every GET with one file's bytes from memory: what the app's routes that
// touch no database are compared with (bench/bareHttp.ts). With a headers file (JSON, name → value)
// it sends those headers too, so the two answers are the same bytes on the wire.
// `node --import tsx bench/bareFastifyServer.ts <port> <file> [headers.json]`.
import fs from 'node:fs';
import Fastify from 'fastify';

const [port, file, headersFile] = process.argv.slice(2);
const bytes = fs.readFileSync(file!);
const headers: Record<string, string> = headersFile ? JSON.parse(fs.readFileSync(headersFile, 'utf8')) : { 'content-type': 'text/html; charset=utf-8' };
const app = Fastify({ logger: false });
app.get('/*', (_req, reply) => reply.headers(headers).send(bytes));
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('listening');
