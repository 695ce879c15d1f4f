import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
// Look-alikes of NODE_OPTIONS and AWS_REGION, which the container sets for Node and the AWS SDK.
const nodeOptions = process.env.NODE_OPTION ?? '';
const region = process.env.AWS_REGIONS ?? 'eu-west-1';

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.end(JSON.stringify({ region, nodeOptions }));
});

server.listen(port, () => console.log(`chat api listening on ${port}`));
