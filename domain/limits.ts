/** Upper bounds shared by schemas on both sides, so the UI refuses what the server would. */
export const LIMITS = {
  name: 100,
  code: 40,
  account: 40,
  mobile: 20,
  /** RFC 5321's longest forward path. */
  email: 254,
  password: 128,
  text: 2000,
  reason: 500,
  perPageMax: 200,
  importRows: 5000,
  importBytes: 5 * 1024 * 1024,
} as const;
