const PUBLIC_STATUS = '/status';

function customAuth(req, res, next) {
  if (req.path === PUBLIC_STATUS) {
    res.json({ status: 'ok', uptime: process.uptime() });
    return;
  }
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  if (!token) {
    res.status(401).json({ error: 'missing token' });
    return;
  }
  req.user = { token };
  next();
}

module.exports = customAuth;
