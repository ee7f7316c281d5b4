import { execSync } from 'node:child_process';
import { connect } from 'node:net';

/** The loopback brokers the sink tests publish to, and how this machine starts each one. */
const SERVICES = {
  RabbitMQ: { port: 5672, start: 'rabbitmq-server -detached' },
  NATS: {
    port: 4222,
    start:
      'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
  },
  Redis: {
    port: 6379,
    start:
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
  },
} as const;
export type BrokerName = keyof typeof SERVICES;

const checked = new Map<BrokerName, Promise<void>>();

/** Starts the broker when nothing listens on its port; fails naming the service when it cannot. */
export function ensureBroker(name: BrokerName): Promise<void> {
  let done = checked.get(name);
  if (!done) {
    done = (async () => {
      const { port, start } = SERVICES[name];
      if (await listening(port)) return;
      try {
        execSync(start, { stdio: 'ignore' });
      } catch {
        // fall through to the check below
      }
      // RabbitMQ takes several seconds to boot.
      for (let i = 0; i < 60; i++) {
        if (await listening(port)) return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`${name} is not reachable at 127.0.0.1:${port} and could not be started`);
    })();
    checked.set(name, done);
  }
  return done;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A port on loopback where nothing listens: connections to it are refused at once. */
export const CLOSED_PORT = 1;
