import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import {
  ENDPOINT_KINDS,
  endpointCreateSchema,
  endpointUpdateSchema,
  type DeliveryResponse,
  type EndpointResponse,
} from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { listQuery, page } from '../common/pagination';
import { createZodDto } from '../common/zod-dto';
import { DELIVERY_SORT, ENDPOINT_SORT, WebhooksService } from './webhooks.service';

export class EndpointCreateDto extends createZodDto(endpointCreateSchema) {}
export class EndpointUpdateDto extends createZodDto(endpointUpdateSchema) {}

const endpointFilter = z
  .object({ organizationId: z.uuid().optional(), kind: z.enum(ENDPOINT_KINDS).optional() })
  .strict();
const deliveryFilter = z
  .object({
    organizationId: z.uuid().optional(),
    endpointId: z.uuid().optional(),
    experimentId: z.uuid().optional(),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']).optional(),
  })
  .strict();

const Id = () => Param('id', new ParseUUIDPipe());

/** An organisation's webhooks and chat rooms (platform admin, HR of the organisation). */
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiList({ resource: 'webhook-endpoints', filter: endpointFilter, sortable: ENDPOINT_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EndpointResponse[]> {
    const q = listQuery(query, endpointFilter, ENDPOINT_SORT, { field: 'createdAt', order: 'DESC' });
    return page(response, 'webhook-endpoints', q, await this.webhooks.listEndpoints(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<EndpointResponse> {
    return this.webhooks.findEndpoint(id, user);
  }

  /** A webhook's signing secret is in the answer, this once (`secret`). */
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: EndpointCreateDto): Promise<EndpointResponse> {
    return this.webhooks.createEndpoint(body, user);
  }

  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: EndpointUpdateDto,
  ): Promise<EndpointResponse> {
    return this.webhooks.updateEndpoint(id, body, user);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Id() id: string): Promise<EndpointResponse> {
    return this.webhooks.removeEndpoint(id, user);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(@CurrentUser() user: AuthUser, @Id() id: string): Promise<EndpointResponse> {
    return this.webhooks.rotateSecret(id, user);
  }
}

/** The delivery journal: 7 days of deliveries, each with its attempts, and "Renvoyer". */
@Controller('webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiList({ resource: 'webhook-deliveries', filter: deliveryFilter, sortable: DELIVERY_SORT })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DeliveryResponse[]> {
    const q = listQuery(query, deliveryFilter, DELIVERY_SORT, { field: 'createdAt', order: 'DESC' });
    return page(response, 'webhook-deliveries', q, await this.webhooks.listDeliveries(q, user));
  }

  @Get(':id')
  findOne(@CurrentUser() user: AuthUser, @Id() id: string): Promise<DeliveryResponse> {
    return this.webhooks.findDelivery(id, user);
  }

  @Post(':id/resend')
  @HttpCode(200)
  resend(@CurrentUser() user: AuthUser, @Id() id: string): Promise<DeliveryResponse> {
    return this.webhooks.resend(id, user);
  }
}
