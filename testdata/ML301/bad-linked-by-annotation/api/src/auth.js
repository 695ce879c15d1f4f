import jwt from 'jsonwebtoken';

export function authenticate(header = '') {
  const token = header.replace(/^Bearer /, '');
  try {
    return jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return null;
  }
}
