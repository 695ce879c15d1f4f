#!/usr/bin/env node
// Deterministic monorepo generator for the ManifestLint benchmark (bench/README.md).
//
//   node bench/generate-corpus.mjs OUTDIR [--services N | --scale K] [--seed S]
//        [--defect-rate R] [--defects-per-service K|all] [--js-kb KB] [--force]
//
// Same arguments -> byte-identical output: every byte comes from a seeded PRNG (one stream per
// service, so service i is the same whatever N is), files are written in a fixed order, and nothing
// depends on the clock, the locale or the machine. No npm dependencies.
//
// Per service i:
//   k8s/<svc>.yaml          Deployment + Service + ConfigMap (~4 KB)
//   services/<svc>/         package.json ("type": "module" or CommonJS), Dockerfile, 5-10 files under src/
// plus k8s/namespaces.yaml and one datastore file per 50 services (k8s/data-<d>.yaml: MongoDB and Redis
// Deployments + Services in namespace `data`) that the apps' MONGO_URL/REDIS_URL point at. The container
// is named after the service folder, so ManifestLint links each app to its container.
//
// A seeded share of services (--defect-rate, default 0.02) gets real defects (--defects-per-service,
// default 1, `all` for every kind); `--defect-rate 1 --defects-per-service all` makes a corpus with
// ~8 findings per service for the output-cost benchmark. Defect kinds: see DEFECTS below.

import fs from 'node:fs';
import path from 'node:path';

const DEFECTS = [
  'module-syntax',   // ML101/ML102: require() in a "type":"module" package, or import in a CommonJS one
  'env-not-set',     // ML301: the code reads a variable without a default that the Deployment never sets
  'probe-path',      // ML405: readiness probe path the app does not serve
  'host-no-service', // ML201: REDIS_URL host with no Service
  'port-not-exposed',// ML202: MONGO_URL port the datastore Service does not expose
  'configmap-key',   // ML302: configMapKeyRef to a key the ConfigMap lacks
  'no-liveness',     // ML402: container without a liveness probe (warning)
  'missing-module',  // ML105: relative import of a file that does not exist
];

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) process.stderr.write(`generate-corpus: ${msg}\n`);
  process.stderr.write('usage: node bench/generate-corpus.mjs OUTDIR [--services N | --scale K] [--seed S] ' +
    '[--defect-rate R] [--defects-per-service K|all] [--js-kb KB] [--force]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { out: null, services: 2000, seed: 1, defectRate: 0.02, defectsPerService: 1, jsKb: 7.5, force: false };
  let scale = null;
  let services = null;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const next = () => {
      if (k + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++k];
    };
    const num = (v, name, { int = false, min = 0 } = {}) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || (int && !Number.isInteger(n))) usage(`bad ${name}: ${v}`);
      return n;
    };
    switch (a) {
      case '--services': services = num(next(), '--services', { int: true, min: 1 }); break;
      case '--scale': scale = num(next(), '--scale', { min: 0.0005 }); break;
      case '--seed': opts.seed = num(next(), '--seed', { int: true }); break;
      case '--defect-rate': opts.defectRate = num(next(), '--defect-rate'); if (opts.defectRate > 1) usage('--defect-rate is at most 1'); break;
      case '--defects-per-service': {
        const v = next();
        opts.defectsPerService = v === 'all' ? DEFECTS.length : Math.min(DEFECTS.length, num(v, '--defects-per-service', { int: true, min: 1 }));
        break;
      }
      case '--js-kb': opts.jsKb = num(next(), '--js-kb', { min: 1 }); break;
      case '--force': opts.force = true; break;
      case '-h': case '--help': usage();
      default:
        if (a.startsWith('-')) usage(`unknown option ${a}`);
        if (opts.out !== null) usage(`unexpected argument ${a}`);
        opts.out = a;
    }
  }
  if (opts.out === null) usage('OUTDIR is required');
  if (scale !== null && services !== null) usage('give --services or --scale, not both');
  if (scale !== null) opts.services = Math.max(1, Math.round(2000 * scale));
  else if (services !== null) opts.services = services;
  return opts;
}

// ---------------------------------------------------------------- PRNG

function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let k = 0; k < str.length; k++) {
    h ^= str.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// mulberry32: small, fast, good enough for test data, and identical on every JS engine.
function makeRng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    shuffle: (arr) => {
      const a = arr.slice();
      for (let k = a.length - 1; k > 0; k--) {
        const j = Math.floor(next() * (k + 1));
        [a[k], a[j]] = [a[j], a[k]];
      }
      return a;
    },
  };
  return rng;
}

// ---------------------------------------------------------------- vocabulary

const NOUNS = ['orders', 'cart', 'checkout', 'billing', 'invoice', 'payment', 'refund', 'catalog', 'inventory',
  'pricing', 'search', 'recommend', 'review', 'rating', 'shipping', 'tracking', 'warehouse', 'user', 'profile',
  'account', 'session', 'notify', 'email', 'sms', 'push', 'audit', 'report', 'analytics', 'ledger', 'coupon',
  'promo', 'loyalty', 'giftcard', 'wishlist', 'media', 'image', 'upload', 'export', 'scheduler', 'quote'];
const ROLES = ['api', 'svc', 'worker', 'gateway', 'service', 'backend', 'sync', 'core'];
const NAMESPACES = ['shop', 'payments', 'identity', 'catalog', 'fulfilment', 'comms', 'insights', 'platform'];
const TEAMS = ['storefront', 'money', 'trust', 'discovery', 'logistics', 'engagement', 'data', 'infra'];
const RESOURCES = ['order', 'item', 'customer', 'invoice', 'shipment', 'product', 'ticket', 'account', 'payment',
  'review', 'coupon', 'report', 'message', 'session', 'asset', 'quote'];
const FIELDS = ['id', 'name', 'status', 'createdAt', 'updatedAt', 'amount', 'currency', 'quantity', 'sku', 'email',
  'country', 'priority', 'tags', 'ownerId', 'region', 'score', 'version', 'channel', 'reference', 'note'];
const STATUSES = ['pending', 'active', 'suspended', 'archived', 'failed', 'completed', 'cancelled', 'draft'];
const LOG_LEVELS = ['info', 'warn', 'debug'];
const GROUP_SIZE = 50; // services per datastore group

const svcName = (i) => `${NOUNS[i % NOUNS.length]}-${ROLES[Math.floor(i / NOUNS.length) % ROLES.length]}-${String(i).padStart(4, '0')}`;
const svcNs = (i) => NAMESPACES[i % NAMESPACES.length];
const envPrefix = (name) => name.split('-')[0].toUpperCase();
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const camel = (...parts) => parts[0] + parts.slice(1).map(cap).join('');

// ---------------------------------------------------------------- plan of one service

function planService(i, opts) {
  const rng = makeRng(fnv1a(`${opts.seed}:service:${i}`));
  const name = svcName(i);
  const ns = svcNs(i);
  const group = Math.floor(i / GROUP_SIZE);
  const esm = rng.chance(0.55);
  const resource = rng.pick(RESOURCES);
  const peerIdx = opts.services > 1 ? (i + 1 + rng.int(0, Math.min(7, opts.services - 2))) % opts.services : i;
  const defects = new Set();
  if (rng.chance(opts.defectRate)) {
    for (const d of rng.shuffle(DEFECTS).slice(0, opts.defectsPerService)) defects.add(d);
  }
  return {
    i, rng, name, ns, group, esm, resource, defects,
    team: TEAMS[i % TEAMS.length],
    prefix: envPrefix(name),
    peer: { name: svcName(peerIdx), ns: svcNs(peerIdx) },
    port: rng.pick([3000, 8080, 8080, 8000, 5000]),
    numericTargetPort: rng.chance(0.4),
    replicas: rng.int(2, 6),
    version: `${rng.int(1, 4)}.${rng.int(0, 30)}.${rng.int(0, 20)}`,
    dbName: `${name.split('-')[0]}_${rng.pick(['db', 'store', 'main'])}`,
    redisDb: rng.int(0, 15),
    logLevel: rng.pick(LOG_LEVELS),
    cpu: rng.pick(['50m', '100m', '200m', '250m']),
    mem: rng.pick([128, 192, 256, 384, 512]),
    timeoutMs: rng.pick([1500, 2000, 3000, 5000]),
  };
}

// ---------------------------------------------------------------- Kubernetes YAML

function k8sYaml(p) {
  const { name, ns, team, port } = p;
  const mongoHost = `mongo-${p.group}.data.svc.cluster.local`;
  const mongoPort = p.defects.has('port-not-exposed') ? 27018 : 27017;
  const redisHost = p.defects.has('host-no-service') ? `redis-${p.group}-primary.data.svc.cluster.local` : `redis-${p.group}.data.svc.cluster.local`;
  const peerUrl = `http://${p.peer.name}.${p.peer.ns}.svc.cluster.local`;
  const readyPath = p.defects.has('probe-path') ? '/ready' : '/readyz';
  const logKey = p.defects.has('configmap-key') ? 'LOGLEVEL' : 'LOG_LEVEL';
  const targetPort = p.numericTargetPort ? String(port) : 'http';
  const labels = (indent) => [
    `app: ${name}`,
    `app.kubernetes.io/name: ${name}`,
    `app.kubernetes.io/part-of: ${ns}`,
    `app.kubernetes.io/managed-by: kustomize`,
    `team: ${team}`,
  ].map((l) => `${indent}${l}`).join('\n');
  const liveness = p.defects.has('no-liveness') ? '' : `
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
            periodSeconds: 20
            timeoutSeconds: 2
            failureThreshold: 3`;
  return `# ${name}: owned by team ${team}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
${labels('    ')}
    app.kubernetes.io/version: "${p.version}"
  annotations:
    deployment.kubernetes.io/revision: "${p.rng.int(1, 90)}"
    owner: ${team}@example.com
spec:
  replicas: ${p.replicas}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
${labels('        ')}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "${port}"
        prometheus.io/path: /metrics
    spec:
      serviceAccountName: ${name}
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        fsGroup: 1000
      containers:
        - name: ${name}
          image: registry.example.com/${ns}/${name}:${p.version}
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: ${port}
              protocol: TCP
          env:
            - name: NODE_ENV
              value: production
            - name: PORT
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: PORT
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: ${logKey}
            - name: MONGO_URL
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: MONGO_URL
            - name: REDIS_URL
              value: redis://${redisHost}:6379/${p.redisDb}
            - name: PEER_URL
              value: ${peerUrl}
            - name: REQUEST_TIMEOUT_MS
              value: "${p.timeoutMs}"
            - name: ${p.prefix}_PAGE_SIZE
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: PAGE_SIZE
          readinessProbe:
            httpGet:
              path: ${readyPath}
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3${liveness}
          resources:
            requests:
              cpu: ${p.cpu}
              memory: ${p.mem}Mi
            limits:
              memory: ${p.mem * 2}Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
${labels('    ')}
spec:
  type: ClusterIP
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: ${targetPort}
      protocol: TCP
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
  labels:
${labels('    ')}
data:
  PORT: "${port}"
  LOG_LEVEL: ${p.logLevel}
  PAGE_SIZE: "${p.rng.pick([20, 25, 50, 100])}"
  MONGO_URL: mongodb://${mongoHost}:${mongoPort}/${p.dbName}
  FEATURE_FLAGS: "${p.rng.pick(['beta-ui', 'fast-path', 'none', 'audit-v2'])}"
`;
}

function datastoreYaml(d) {
  const store = (kind, image, port, args) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${kind}-${d}
  namespace: data
  labels:
    app: ${kind}-${d}
    tier: data
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${kind}-${d}
  template:
    metadata:
      labels:
        app: ${kind}-${d}
        tier: data
    spec:
      containers:
        - name: ${kind}
          image: ${image}
${args}          ports:
            - name: ${kind}
              containerPort: ${port}
          readinessProbe:
            tcpSocket:
              port: ${port}
            periodSeconds: 10
          livenessProbe:
            tcpSocket:
              port: ${port}
            initialDelaySeconds: 30
            periodSeconds: 20
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
            limits:
              memory: 1Gi
---
apiVersion: v1
kind: Service
metadata:
  name: ${kind}-${d}
  namespace: data
spec:
  selector:
    app: ${kind}-${d}
  ports:
    - name: ${kind}
      port: ${port}
      targetPort: ${port}
`;
  return `# datastores of services ${d * GROUP_SIZE}..${d * GROUP_SIZE + GROUP_SIZE - 1}\n` +
    store('mongo', 'mongo:7.0', 27017, '') + '---\n' +
    store('redis', 'redis:7.2-alpine', 6379, '          args: ["--appendonly", "yes"]\n');
}

function namespacesYaml() {
  return [...NAMESPACES, 'data'].map((n) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${n}
  labels:
    kubernetes.io/metadata.name: ${n}
`).join('---\n');
}

// ---------------------------------------------------------------- Node app

function packageJson(p, extraDeps) {
  const pkg = {
    name: `@acme/${p.name}`,
    version: p.version,
    private: true,
    description: `${cap(p.resource)} ${p.name.split('-')[1]} for the ${p.ns} domain`,
    ...(p.esm ? { type: 'module' } : {}),
    main: 'src/index.js',
    scripts: { start: 'node src/index.js', test: 'node --test', lint: 'eslint src' },
    engines: { node: '>=20' },
    dependencies: {
      express: '^4.19.2',
      mongodb: `^6.${p.rng.int(3, 9)}.0`,
      ...(extraDeps.includes('redis') ? { redis: '^4.6.13' } : {}),
      pino: '^9.1.0',
    },
    devDependencies: { eslint: '^9.4.0' },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

function dockerfile(p) {
  return `FROM node:20-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
USER node
EXPOSE ${p.port}
CMD ["node", "src/index.js"]
`;
}

// Module-system helpers: one JS "dialect" per package.
function dialect(esm) {
  return {
    importDefault: (id, spec) => esm ? `import ${id} from '${spec}';` : `const ${id} = require('${spec}');`,
    importNamed: (ids, spec, cjsSpec = spec) => esm ? `import { ${ids.join(', ')} } from '${spec}';` : `const { ${ids.join(', ')} } = require('${cjsSpec}');`,
    exportDefault: (id) => esm ? `export default ${id};` : `module.exports = ${id};`,
    exportNamed: (ids) => esm ? `export { ${ids.join(', ')} };` : `module.exports = { ${ids.join(', ')} };`,
  };
}

// Realistic-looking filler functions; each returns [name, source].
const FILLERS = [
  (r, f, id) => {
    const fields = r.shuffle(FIELDS).slice(0, r.int(3, 6));
    const fn = camel('validate', f, id);
    return [fn, `/**
 * Validates an incoming ${f} payload and returns a list of problems (empty when valid).
 * @param {Record<string, unknown>} input
 * @returns {string[]}
 */
function ${fn}(input) {
  const errors = [];
  if (input === null || typeof input !== 'object') {
    return ['payload must be an object'];
  }
${fields.map((x) => `  if (input.${x} === undefined || input.${x} === null) {
    errors.push('${x} is required');
  } else if (typeof input.${x} === 'string' && input.${x}.trim().length === 0) {
    errors.push('${x} must not be empty');
  }`).join('\n')}
  if (typeof input.quantity === 'number' && (input.quantity < 0 || input.quantity > ${r.int(100, 10000)})) {
    errors.push('quantity out of range');
  }
  return errors;
}
`];
  },
  (r, f, id) => {
    const fields = r.shuffle(FIELDS).slice(0, r.int(4, 7));
    const fn = camel('normalize', f, id);
    return [fn, `function ${fn}(record) {
  const out = {};
${fields.map((x) => x.endsWith('At')
    ? `  out.${x} = record.${x} ? new Date(record.${x}).toISOString() : null;`
    : `  out.${x} = typeof record.${x} === 'string' ? record.${x}.trim() : record.${x} ?? null;`).join('\n')}
  if (Array.isArray(record.tags)) {
    out.tags = [...new Set(record.tags.map((t) => String(t).toLowerCase()))].sort();
  }
  return out;
}
`];
  },
  (r, f, id) => {
    const fn = camel('paginate', f, id);
    const max = r.pick([50, 100, 200, 500]);
    return [fn, `function ${fn}(items, { page = 1, size = ${r.pick([10, 20, 25])} } = {}) {
  const safeSize = Math.min(Math.max(1, Number(size) || 1), ${max});
  const safePage = Math.max(1, Number(page) || 1);
  const start = (safePage - 1) * safeSize;
  const slice = items.slice(start, start + safeSize);
  return {
    data: slice,
    page: safePage,
    size: safeSize,
    total: items.length,
    pages: Math.ceil(items.length / safeSize),
    hasNext: start + safeSize < items.length,
  };
}
`];
  },
  (r, f, id) => {
    const fn = camel('compute', f, 'totals', id);
    const tax = r.pick(['0.07', '0.19', '0.2', '0.21', '0.08']);
    return [fn, `function ${fn}(lines, { discount = 0, taxRate = ${tax} } = {}) {
  let subtotal = 0;
  let items = 0;
  for (const line of lines) {
    const qty = Number(line.quantity) || 0;
    const price = Math.round((Number(line.unitPrice) || 0) * 100);
    subtotal += qty * price;
    items += qty;
  }
  const discounted = Math.max(0, subtotal - Math.round(discount * 100));
  const tax = Math.round(discounted * taxRate);
  return {
    items,
    subtotal: subtotal / 100,
    discount: (subtotal - discounted) / 100,
    tax: tax / 100,
    total: (discounted + tax) / 100,
  };
}
`];
  },
  (r, f, id) => {
    const fn = camel('withRetry', id);
    return [fn, `async function ${fn}(operation, { attempts = ${r.int(2, 5)}, baseDelayMs = ${r.pick([50, 100, 250])} } = {}) {
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      lastError = err;
      if (err && err.retryable === false) break;
      const jitter = Math.floor(Math.random() * baseDelayMs);
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1) + jitter));
    }
  }
  throw lastError;
}
`];
  },
  (r, f, id) => {
    const fn = camel('groupBy', r.pick(FIELDS), id);
    return [fn, `function ${fn}(list, key = '${r.pick(FIELDS)}') {
  const groups = new Map();
  for (const entry of list) {
    const value = typeof key === 'function' ? key(entry) : entry[key];
    const bucket = groups.get(value);
    if (bucket) {
      bucket.push(entry);
    } else {
      groups.set(value, [entry]);
    }
  }
  return Object.fromEntries(groups);
}
`];
  },
  (r, f, id) => {
    const cls = cap(camel(f, 'cache', id));
    return [cls, `class ${cls} {
  constructor(limit = ${r.pick([100, 500, 1000, 5000])}) {
    this.limit = limit;
    this.entries = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  get(key) {
    if (!this.entries.has(key)) {
      this.misses++;
      return undefined;
    }
    const value = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, value);
    this.hits++;
    return value;
  }

  set(key, value) {
    if (this.entries.has(key)) this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      this.entries.delete(this.entries.keys().next().value);
    }
    return this;
  }

  stats() {
    return { size: this.entries.size, hits: this.hits, misses: this.misses };
  }
}
`];
  },
  (r, f, id) => {
    const fn = camel('format', f, 'amount', id);
    return [fn, `function ${fn}(amount, currency = '${r.pick(['EUR', 'USD', 'GBP', 'CHF'])}', locale = '${r.pick(['en-US', 'de-DE', 'fr-FR', 'en-GB'])}') {
  if (!Number.isFinite(amount)) {
    throw new TypeError(\`invalid amount: \${amount}\`);
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}
`];
  },
  (r, f, id) => {
    const fn = camel('parse', f, 'query', id);
    const statuses = r.shuffle(STATUSES).slice(0, 4);
    return [fn, `function ${fn}(query = {}) {
  const filter = {};
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    switch (key) {
      case 'status':
        if (${JSON.stringify(statuses).replace(/"/g, "'")}.includes(value)) filter.status = value;
        break;
      case 'from':
      case 'to': {
        const date = new Date(value);
        if (!Number.isNaN(date.getTime())) {
          filter.createdAt = { ...filter.createdAt, [key === 'from' ? '$gte' : '$lte']: date };
        }
        break;
      }
      case 'q':
        filter.name = { $regex: String(value).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'), $options: 'i' };
        break;
      default:
        break;
    }
  }
  return filter;
}
`];
  },
  (r, f, id) => {
    const fn = camel('diff', f, id);
    return [fn, `function ${fn}(before, after) {
  const changes = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes.push({ field: key, from: a ?? null, to: b ?? null });
    }
  }
  return changes.sort((x, y) => x.field.localeCompare(y.field));
}
`];
  },
];

// Filler functions of about targetBytes in all (at least `min` of them); returns [[name, source], ...].
function fillerFunctions(rng, resource, targetBytes, min, startId) {
  const out = [];
  let size = 0;
  let id = startId;
  while (size < targetBytes || out.length < min) {
    const fn = rng.pick(FILLERS)(rng, resource, String(id++));
    out.push(fn);
    size += fn[1].length + 1;
  }
  return out;
}

function jsFiles(p, opts) {
  const { rng, esm, resource, prefix } = p;
  const D = dialect(esm);
  const ext = (spec) => (esm || rng.chance(0.5)) ? `${spec}.js` : spec; // CommonJS may omit the extension
  const files = new Map();
  const res = resource;
  const resPlural = `${res}s`;
  const Res = cap(res);

  // --- src/config.js
  const envRequired = p.defects.has('env-not-set') ? `\n  batchSize: Number(process.env.${prefix}_BATCH_SIZE),` : '';
  files.set('src/config.js', `${esm ? '' : "'use strict';\n\n"}// Runtime configuration, read once at start-up.
const config = {
  env: process.env.NODE_ENV || 'development',
  port: Number(process.env.PORT || ${p.port}),
  logLevel: process.env.LOG_LEVEL || 'info',
  mongoUrl: process.env.MONGO_URL,
  redisUrl: process.env.REDIS_URL,
  peerUrl: process.env.PEER_URL,
  requestTimeoutMs: Number(process.env.REQUEST_TIMEOUT_MS ?? ${p.timeoutMs}),
  pageSize: Number(process.env.${prefix}_PAGE_SIZE ?? 25),${envRequired}
  serviceName: '${p.name}',
};

${D.exportDefault('config')}
`);

  // --- src/db.js
  files.set('src/db.js', `${esm ? '' : "'use strict';\n\n"}${D.importNamed(['MongoClient'], 'mongodb')}
${D.importDefault('config', ext('./config'))}

let client;
let database;

async function connect() {
  if (database) return database;
  client = new MongoClient(config.mongoUrl, {
    maxPoolSize: ${rng.pick([5, 10, 20])},
    serverSelectionTimeoutMS: ${rng.pick([2000, 5000])},
    appName: config.serviceName,
  });
  await client.connect();
  database = client.db();
  return database;
}

function collection(name = '${resPlural}') {
  if (!database) throw new Error('database not connected');
  return database.collection(name);
}

async function close() {
  if (client) await client.close();
  client = undefined;
  database = undefined;
}

function isConnected() {
  return database !== undefined;
}

${D.exportNamed(['connect', 'collection', 'close', 'isConnected'])}
`);

  // --- src/clients/peer.js
  files.set('src/clients/peer.js', `${esm ? '' : "'use strict';\n\n"}${D.importDefault('config', ext('../config'))}

// Client for ${p.peer.name} (${p.peer.ns}); the base URL comes from PEER_URL.
async function callPeer(pathname, { method = 'GET', body } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.requestTimeoutMs);
  try {
    const response = await fetch(new URL(pathname, config.peerUrl), {
      method,
      headers: { 'content-type': 'application/json', 'x-caller': config.serviceName },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) {
      const err = new Error(\`${p.peer.name} answered \${response.status}\`);
      err.status = response.status;
      err.retryable = response.status >= 500;
      throw err;
    }
    return response.status === 204 ? null : await response.json();
  } finally {
    clearTimeout(timer);
  }
}

${D.exportNamed(['callPeer'])}
`);

  // --- optional files (0-5): cache, lib/*, services/*
  const extraCount = rng.int(0, 5);
  const optional = rng.shuffle(['src/cache.js', 'src/lib/validation.js', 'src/lib/pagination.js', 'src/lib/money.js',
    `src/services/${res}-service.js`, 'src/lib/query.js', 'src/lib/diff.js']).slice(0, extraCount);
  const hasCache = optional.includes('src/cache.js');
  const libFiles = optional.filter((f) => f !== 'src/cache.js');

  if (hasCache) {
    files.set('src/cache.js', `${esm ? '' : "'use strict';\n\n"}${D.importNamed(['createClient'], 'redis')}
${D.importDefault('config', ext('./config'))}

const client = createClient({ url: config.redisUrl });
client.on('error', (err) => console.error('redis error', err.message));

async function cached(key, ttlSeconds, load) {
  if (!client.isOpen) await client.connect();
  const hit = await client.get(key);
  if (hit !== null) return JSON.parse(hit);
  const value = await load();
  await client.set(key, JSON.stringify(value), { EX: ttlSeconds });
  return value;
}

${D.exportNamed(['cached'])}
`);
  }

  // --- src/routes/<resource>.js (built after the libs so it can import them)
  // --- src/index.js
  // Size budget: the whole package averages --js-kb KB (0.8x to 1.2x per service; the fixed files
  // alone are ~6 KB, so small budgets are exceeded).
  const target = Math.round(opts.jsKb * 1000 * (0.8 + 0.4 * rng.next()));
  const libExports = [];
  const routesName = `src/routes/${resPlural}.js`;
  const indexDraft = 1650; // approximate size of index.js and of the routes file without filler
  const routesDraft = 2100;
  const used = [...files.values()].reduce((n, s) => n + s.length, 0) + indexDraft + routesDraft;
  const remaining = Math.max(0, target - used);
  // Dealt round-robin: every helper file gets at least one function, the routes file gets them
  // when there is no helper file.
  const fillerTargets = libFiles.length > 0 ? libFiles : [routesName];
  const pool = fillerFunctions(rng, res, remaining, libFiles.length, 1);
  const fillerSrc = new Map(fillerTargets.map((f) => [f, { src: '', names: [] }]));
  pool.forEach(([name, src], k) => {
    const entry = fillerSrc.get(fillerTargets[k % fillerTargets.length]);
    entry.src += (entry.src ? '\n' : '') + src;
    entry.names.push(name);
  });
  for (const f of libFiles) {
    const { src, names } = fillerSrc.get(f);
    const rel = `../${f.slice('src/'.length, -3)}`;
    libExports.push({ file: f, rel, names });
    files.set(f, `${esm ? '' : "'use strict';\n\n"}// ${path.basename(f, '.js')} helpers for ${resPlural}.

${src}
${D.exportNamed(names)}
`);
  }

  const moduleDefect = p.defects.has('module-syntax');
  const routeImports = [
    esm ? "import express from 'express';" : "const express = require('express');",
    D.importNamed(['collection'], ext('../db')),
    D.importNamed(['callPeer'], ext('../clients/peer')),
    D.importDefault('config', ext('../config')),
    ...(hasCache ? [D.importNamed(['cached'], ext('../cache'))] : []),
    ...libExports.map((l) => D.importNamed(l.names, esm ? `${l.rel}.js` : ext(l.rel))),
  ];
  if (moduleDefect) {
    // The wrong module syntax for this package: Node fails to load the file.
    routeImports.push(esm ? "const crypto = require('node:crypto');" : "import crypto from 'node:crypto';");
  }
  const used1 = libExports.flatMap((l) => l.names).filter((n) => /^(validate|normalize|paginate)/.test(n));
  const validator = used1.find((n) => n.startsWith('validate'));
  const normalizer = used1.find((n) => n.startsWith('normalize'));
  const inlineFiller = fillerSrc.get(routesName);
  const routesSrc = `${esm ? '' : "'use strict';\n\n"}${routeImports.join('\n')}

const router = express.Router();
${inlineFiller ? `\n${inlineFiller.src}` : ''}
function parseId(raw) {
  const id = String(raw ?? '').trim();
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(id)) {
    const err = new Error('invalid id');
    err.status = 400;
    throw err;
  }
  return id;
}

router.get('/', async (req, res, next) => {
  try {
    const limit = Math.min(Number(req.query.limit) || config.pageSize, 200);
    const load = () => collection().find({}).limit(limit).toArray();
    const ${resPlural} = ${hasCache ? `await cached(\`${resPlural}:list:\${limit}\`, ${rng.pick([15, 30, 60])}, load)` : 'await load()'};
    res.json({ data: ${resPlural}${normalizer ? `.map(${normalizer})` : ''}, count: ${resPlural}.length });
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const ${res} = await collection().findOne({ _id: parseId(req.params.id) });
    if (!${res}) return res.status(404).json({ error: '${res} not found' });
    res.json(${res});
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    ${validator ? `const problems = ${validator}(req.body);
    if (problems.length > 0) return res.status(422).json({ errors: problems });
    ` : ''}const doc = { ...req.body, createdAt: new Date(), updatedAt: new Date() };
    const { insertedId } = await collection().insertOne(doc);
    await callPeer('/api/v1/events', { method: 'POST', body: { type: '${res}.created', id: String(insertedId) } });
    res.status(201).json({ id: insertedId });
  } catch (err) {
    next(err);
  }
});

router.put('/:id', async (req, res, next) => {
  try {
    const id = parseId(req.params.id);
    const result = await collection().updateOne({ _id: id }, { $set: { ...req.body, updatedAt: new Date() } });
    if (result.matchedCount === 0) return res.status(404).json({ error: '${res} not found' });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.delete('/:id', async (req, res, next) => {
  try {
    await collection().deleteOne({ _id: parseId(req.params.id) });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

${D.exportDefault('router')}
`;
  files.set(routesName, routesSrc);

  const indexImports = [
    esm ? "import express from 'express';" : "const express = require('express');",
    D.importDefault('config', ext('./config')),
    D.importNamed(['connect', 'close', 'isConnected'], ext('./db')),
    D.importDefault(`${res}Routes`, ext(`./routes/${resPlural}`)),
    ...(p.defects.has('missing-module') ? [D.importDefault('adminRoutes', ext('./routes/admin'))] : []),
  ];
  files.set('src/index.js', `${esm ? '' : "'use strict';\n\n"}${indexImports.join('\n')}

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '${rng.pick(['100kb', '1mb', '256kb'])}' }));

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (config.logLevel === 'debug' || res.statusCode >= 500) {
      console.log(JSON.stringify({ method: req.method, path: req.path, status: res.statusCode, ms }));
    }
  });
  next();
});

app.get('/healthz', (req, res) => {
  res.json({ status: 'ok', service: config.serviceName });
});

app.get('/readyz', (req, res) => {
  if (!isConnected()) return res.status(503).json({ status: 'starting' });
  res.json({ status: 'ready' });
});

app.use('/api/v1/${resPlural}', ${res}Routes);${p.defects.has('missing-module') ? "\napp.use('/admin', adminRoutes);" : ''}

app.use((err, req, res, next) => {
  const status = err.status || 500;
  if (status >= 500) console.error(err);
  res.status(status).json({ error: status >= 500 ? 'internal error' : err.message });
});

const port = Number(process.env.PORT || ${p.port});

async function main() {
  await connect();
  const server = app.listen(port, () => {
    console.log(\`${p.name} listening on \${port} (\${config.env})\`);
  });
  const shutdown = () => {
    server.close(async () => {
      await close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error('${p.name} failed to start', err);
  process.exit(1);
});
`);

  return { files, deps: hasCache ? ['redis'] : [] };
}

// ---------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const out = path.resolve(opts.out);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    if (!opts.force) usage(`${opts.out} exists and is not empty (use --force to replace it)`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(out, 'k8s'), { recursive: true });
  fs.mkdirSync(path.join(out, 'services'), { recursive: true });

  let files = 0;
  let yamlBytes = 0;
  let jsBytes = 0;
  let otherBytes = 0;
  let defective = 0;
  const write = (rel, text) => {
    const abs = path.join(out, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    files++;
    const n = Buffer.byteLength(text);
    if (rel.endsWith('.yaml')) yamlBytes += n;
    else if (rel.endsWith('.js')) jsBytes += n;
    else otherBytes += n;
  };

  // Marks the corpus as its own ManifestLint project (so a corpus inside a git checkout is not
  // linted as part of the surrounding repository).
  write('.manifestlint.yaml', `# ManifestLint benchmark corpus: ${opts.services} services, seed ${opts.seed}, defect rate ${opts.defectRate}\nrules: {}\n`);
  write('k8s/namespaces.yaml', namespacesYaml());
  for (let d = 0; d * GROUP_SIZE < opts.services; d++) write(`k8s/data-${d}.yaml`, datastoreYaml(d));

  for (let i = 0; i < opts.services; i++) {
    const p = planService(i, opts);
    if (p.defects.size > 0) defective++;
    write(`k8s/${p.name}.yaml`, k8sYaml(p));
    const { files: js, deps } = jsFiles(p, opts);
    const base = `services/${p.name}`;
    write(`${base}/package.json`, packageJson(p, deps));
    write(`${base}/Dockerfile`, dockerfile(p));
    for (const [rel, text] of [...js.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      write(`${base}/${rel}`, text);
    }
  }

  const mb = (n) => (n / 1e6).toFixed(1);
  console.log(`generate-corpus: ${opts.out}: ${opts.services} services (${defective} with defects), ${files} files, ` +
    `${mb(yamlBytes)} MB YAML, ${mb(jsBytes)} MB JS, ${mb(otherBytes)} MB other`);
}

main();
