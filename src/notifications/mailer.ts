import type { Transporter } from 'nodemailer';
import { notificationErrors } from './errors.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. Absent (null) when no SMTP server is configured: messages then stay in the outbox. */
export interface Mailer {
  readonly from: string;
  send(msg: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer for an SMTP URL (smtp://user:pass@host:port, smtps://… for TLS from the start). */
export function smtpMailer(url: string, from: string): Mailer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notificationErrors.smtp_url_invalid({ url });
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw notificationErrors.smtp_url_scheme({ protocol: parsed.protocol });
  // nodemailer is loaded when the first message is sent, not when the server starts.
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url)));
  return {
    from,
    async send(msg) {
      await (await open()).sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text });
    },
    close() {
      void transport?.then(
        (t) => t.close(),
        () => undefined,
      );
    },
  };
}

/** SMTP_URL and SMTP_FROM from the environment; null when SMTP_URL is unset. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  if (!env.SMTP_URL) return null;
  return smtpMailer(env.SMTP_URL, env.SMTP_FROM || 'Rightsdesk <rightsdesk@localhost>');
}
