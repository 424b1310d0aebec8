import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { MyTask } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ApiList } from '../common/api-list.decorator';
import { contentRange } from '../common/list-query';
import { TasksService } from './tasks.service';

@Controller('me')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** What the current user has to do now ("Mes tâches"). */
  @Get('tasks')
  @ApiList({ resource: 'tasks' })
  async tasksOfCurrentUser(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MyTask[]> {
    const tasks = await this.tasks.forUser(user);
    response.setHeader('Content-Range', contentRange('tasks', 0, tasks.length, tasks.length));
    return tasks;
  }
}
