import jwt from 'jsonwebtoken';

const secret = process.env.JWT_SECRET;

export function verifyToken(header = '') {
  const token = header.replace(/^Bearer /, '');
  try {
    return jwt.verify(token, secret);
  } catch {
    return null;
  }
}
