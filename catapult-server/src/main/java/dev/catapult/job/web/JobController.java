package dev.catapult.job.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.job.JobQueue;
import dev.catapult.job.JobView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JobController {
    private final JobQueue jobs;

    JobController(JobQueue jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/admin/jobs/{id}")
    JobView get(Actor actor, @PathVariable String id) {
        actor.grants().require(Permission.read());
        return jobs.get(id);
    }
}
