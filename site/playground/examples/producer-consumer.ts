// A producer and two consumers sharing an asyncio.Queue of size 2. The producer waits
// when the queue is full (put), the consumers when it is empty (get); queue.join() waits
// until every item was marked done.
import * as asyncio from "asyncio-ts";

function* producer(queue: asyncio.Queue<number>) {
  for (let item = 1; item <= 6; item++) {
    yield* queue.put(item); // waits while the queue is full
    console.log(`produced ${item} (queue size ${queue.qsize()})`);
  }
}

function* consumer(name: string, queue: asyncio.Queue<number>) {
  for (;;) {
    const item = yield* queue.get();
    yield* asyncio.sleep(0.25); // the work
    console.log(`${name} consumed ${item}`);
    queue.taskDone();
  }
}

function* main() {
  const queue = new asyncio.Queue<number>(2);
  const consumers = [
    asyncio.createTask(consumer("c1", queue), { name: "c1" }),
    asyncio.createTask(consumer("c2", queue), { name: "c2" }),
  ];
  yield* asyncio.createTask(producer(queue), { name: "producer" });
  yield* queue.join();
  for (const c of consumers) c.cancel();
  yield* asyncio.gather(...consumers, { returnExceptions: true });
  console.log("all consumed");
}

await asyncio.run(main());
