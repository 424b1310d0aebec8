import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { TestimoniesController } from './testimonies.controller';
import { TestimoniesService } from './testimonies.service';

@Module({ imports: [RecordsModule], controllers: [TestimoniesController], providers: [TestimoniesService] })
export class TestimoniesModule {}
