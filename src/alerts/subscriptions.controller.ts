import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createSubscriptionSchema,
  tokenQuerySchema,
  updateSubscriptionSchema,
  type CreateSubscription,
  type TokenQuery,
  type UpdateSubscription,
} from './subscription.schema.js';
import { SubscriptionsService, type SubscriptionView } from './subscriptions.service.js';

@ApiTags('alerts')
@Controller('api/alert-subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Subscribe an email address to spike alerts',
    description:
      'Sends a confirmation email (double opt-in); nothing else is sent until its link is opened. The answer is the ' +
      'same whether or not the address was subscribed already. Public.',
  })
  @ApiAcceptedResponse({ description: '{ status: "pending-confirmation", message }' })
  @ApiBadRequestResponse({ description: 'a field is invalid; the message names it' })
  subscribe(@Body({ schema: createSubscriptionSchema }) body: CreateSubscription) {
    return this.subscriptions.subscribe(body);
  }

  @Get('confirm')
  @ApiOperation({ summary: 'Confirm a subscription (the link in the confirmation email)' })
  @ApiOkResponse({ description: 'the subscription, status active' })
  @ApiNotFoundResponse({ description: 'no subscription for this token, or it was unsubscribed' })
  confirm(@Query({ schema: tokenQuerySchema }) q: TokenQuery): Promise<SubscriptionView> {
    return this.subscriptions.confirm(q.token);
  }

  @Get('unsubscribe')
  @ApiOperation({ summary: 'Unsubscribe (the link in every alert email); works from the link alone' })
  @ApiOkResponse({ description: 'the subscription, status unsubscribed' })
  @ApiNotFoundResponse({ description: 'no subscription for this token' })
  unsubscribe(@Query({ schema: tokenQuerySchema }) q: TokenQuery): Promise<SubscriptionView> {
    return this.subscriptions.unsubscribe(q.token);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe for mail clients (RFC 8058 List-Unsubscribe-Post)' })
  @ApiOkResponse({ description: 'the subscription, status unsubscribed' })
  unsubscribeOneClick(@Query({ schema: tokenQuerySchema }) q: TokenQuery): Promise<SubscriptionView> {
    return this.subscriptions.unsubscribe(q.token);
  }

  @Get('manage')
  @ApiOperation({ summary: 'A subscription, by the token in its emails' })
  @ApiOkResponse({ description: '{ email, filters, method, frequency, status, createdAt }' })
  @ApiNotFoundResponse({ description: 'no subscription for this token' })
  get(@Query({ schema: tokenQuerySchema }) q: TokenQuery): Promise<SubscriptionView> {
    return this.subscriptions.get(q.token);
  }

  @Patch('manage')
  @ApiOperation({ summary: 'Change the method or frequency of a subscription, by the token in its emails' })
  @ApiOkResponse({ description: 'the updated subscription' })
  @ApiBadRequestResponse({ description: 'a field is invalid; the message names it' })
  update(@Query({ schema: tokenQuerySchema }) q: TokenQuery, @Body({ schema: updateSubscriptionSchema }) body: UpdateSubscription): Promise<SubscriptionView> {
    return this.subscriptions.update(q.token, body);
  }
}
