import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ENV } from '../config/config.module.js';
import type { Env } from '../config/env.schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** The one side effect of email: nodemailer over SMTP_URL. Failing here is retried by the mail queue. */
@Injectable()
export class AlertMailer implements OnModuleInit, OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(ENV) private readonly env: Env) {}

  onModuleInit(): void {
    if (!this.env.SMTP_URL) new Logger(AlertMailer.name).warn('SMTP_URL is not set: alert emails are kept in the outbox, unsent');
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.env.SMTP_URL) throw new Error('SMTP_URL is not set: mail waits in the queue until it is');
    this.transport ??= createTransport({
      url: this.env.SMTP_URL,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    await this.transport.sendMail({ from: this.env.MAIL_FROM, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
