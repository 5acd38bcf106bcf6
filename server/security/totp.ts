import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const newTotpSecret = (): string => generateSecret();

export async function totpEnrolment(secret: string, account: string) {
  const otpauthUrl = generateURI({ issuer: 'Tuijin', label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 200 });
  return { secret, otpauthUrl, qrDataUrl };
}

/** Accepts the current code and one step either side (clock drift of phones). */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  try {
    const r = await verify({ secret, token: code, epochTolerance: 30 });
    return r.valid;
  } catch {
    return false;
  }
}
