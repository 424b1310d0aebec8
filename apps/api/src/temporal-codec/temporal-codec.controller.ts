import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AesGcmPayloadCodec, temporalConnectionSettings } from '@capacites/config';
import { isPlatformAdmin, type FieldError } from '@capacites/domain';
import { AuthException } from '../auth/auth.exception';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ValidationException } from '../common/app.exception';
import { createZodDto } from '../common/zod-dto';
import { API_CONFIG, type ApiConfig } from '../config/api.config';

/** Temporal's codec server protocol: payloads as proto3 JSON (bytes in base64). */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' });
const payloadsSchema = z
  .object({
    payloads: z
      .array(
        z
          .object({
            metadata: z.record(z.string(), base64).optional(),
            data: base64.optional(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();
type PayloadsBody = z.infer<typeof payloadsSchema>;
class PayloadsDto extends createZodDto(payloadsSchema) {}

const toPayload = (p: PayloadsBody['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
  ),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [
      k,
      Buffer.from(v ?? new Uint8Array()).toString('base64'),
    ]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/**
 * The codec endpoint of Temporal's Web UI and CLI (`codec.endpoint`, `--codec-endpoint`):
 * an operator who is a platform administrator reads a test's workflow payloads in clear
 * there, and nobody else. Each call is audited (`temporal.payloadsDecoded`, how many, which
 * namespace): the payloads hold personal data.
 */
@ApiTags('temporal-codec')
@Controller('temporal-codec')
export class TemporalCodecController {
  private readonly codec: PayloadCodec | undefined;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const keys = temporalConnectionSettings(config).payloadKeys;
    this.codec = keys.length > 0 ? new AesGcmPayloadCodec(keys) : undefined;
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({
    summary: "Decrypts workflow payloads for Temporal's Web UI (platform administrators, audited)",
  })
  async decode(
    @Body() body: PayloadsDto,
    @CurrentUser() user: AuthUser,
    // Optional (the Web UI sends it): all headers, so that the document does not require it.
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<PayloadsBody> {
    const namespace = headers['x-namespace'];
    const codec = this.allowed(user);
    // One by one: a payload that cannot be decrypted (altered, or of a key not held here) is
    // named, with why, rather than failing the whole answer.
    const decoded: Payload[] = [];
    const problems: FieldError[] = [];
    for (const [index, payload] of body.payloads.entries()) {
      try {
        decoded.push(...(await codec.decode([toPayload(payload)])));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({ field: `payloads.${index}`, message: `cannot be decrypted: ${reason}` });
      }
    }
    if (problems.length > 0) throw new ValidationException(problems);
    await recordAdminEvent(this.dataSource.manager, {
      organizationId: null,
      event: 'temporal.payloadsDecoded',
      actorId: user.userId,
      details: { payloads: body.payloads.length, namespace: namespace ?? null },
    });
    return { payloads: decoded.map(toJson) };
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: "Encrypts payloads typed in Temporal's Web UI (platform administrators)" })
  async encode(@Body() body: PayloadsDto, @CurrentUser() user: AuthUser): Promise<PayloadsBody> {
    const codec = this.allowed(user);
    return { payloads: (await codec.encode(body.payloads.map(toPayload))).map(toJson) };
  }

  private allowed(user: AuthUser): PayloadCodec {
    if (!isPlatformAdmin(user)) throw AuthException.forbidden('decodeWorkflowPayloads', ['admin']);
    if (!this.codec) throw new RefusalException('conflict', 'PAYLOAD_ENCRYPTION_OFF');
    return this.codec;
  }
}
