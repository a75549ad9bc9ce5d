/** The links a subscriber's emails carry; the token alone is the capability, no login needed. */
export function subscriptionLinks(publicUrl: string, tokens: { confirm?: string; unsubscribe: string }) {
  const base = `${publicUrl.replace(/\/+$/, '')}/api/alert-subscriptions`;
  return {
    confirm: tokens.confirm ? `${base}/confirm?token=${encodeURIComponent(tokens.confirm)}` : '',
    unsubscribe: `${base}/unsubscribe?token=${encodeURIComponent(tokens.unsubscribe)}`,
    manage: `${base}/manage?token=${encodeURIComponent(tokens.unsubscribe)}`,
  };
}

export function publicBase(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}
