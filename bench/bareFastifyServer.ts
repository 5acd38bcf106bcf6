// A bare Fastify answering every GET with one file's bytes from memory: what the app's routes that
// touch no database are compared with (bench/bareHttp.ts). `node --import tsx bench/bareFastifyServer.ts <port> <file>`.
import fs from 'node:fs';
import Fastify from 'fastify';

const [port, file] = process.argv.slice(2);
const bytes = fs.readFileSync(file!);
const app = Fastify({ logger: false });
app.get('/*', (_req, reply) => reply.type('text/html; charset=utf-8').send(bytes));
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('listening');
