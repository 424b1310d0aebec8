import { Module } from '@nestjs/common';
import { TemporalCodecController } from './temporal-codec.controller';

@Module({ controllers: [TemporalCodecController] })
export class TemporalCodecModule {}
