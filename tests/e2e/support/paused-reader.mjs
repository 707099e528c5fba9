// The import's real reading thread as `npm run build` makes it, held after its first progress report
// until the import asks it to stop (a cancel): for a test that must see an import running and cancel
// it, however fast this machine reads and writes. Nothing it sends is lost or reordered: it is sent
// on, in order, once the stop arrives, and from then on nothing is held (a machine under load still
// reads on after the stop until its next chunk, and may report progress before its last message).
import { parentPort } from 'node:worker_threads'

const send = parentPort.postMessage.bind(parentPort)
const held = []
let holding = false
let stopped = false
parentPort.postMessage = (message, transfer) => {
  if (holding) return void held.push([message, transfer])
  send(message, transfer)
  if (message.type === 'progress' && !stopped) holding = true
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  stopped = true
  holding = false
  for (const [m, transfer] of held.splice(0)) send(m, transfer)
})
await import(new URL('../../../out/main/ledger-import-reader.js', import.meta.url).href)
