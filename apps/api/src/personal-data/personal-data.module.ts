import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataPdfRenderer } from './personal-data-pdf.renderer';
import { PersonalDataService } from './personal-data.service';

/** Personal data (RGPD): the right of access, an export of everything held about a person. */
@Module({
  controllers: [PersonalDataController],
  providers: [PersonalDataService, PersonalDataPdfRenderer],
})
export class PersonalDataModule {}
