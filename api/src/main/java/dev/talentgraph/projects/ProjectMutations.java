package dev.talentgraph.projects;

import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.projects.ProjectService.AddExpertToProjectInput;
import dev.talentgraph.projects.ProjectService.CreateProjectInput;
import dev.talentgraph.projects.ProjectService.ProjectMemberPayload;
import dev.talentgraph.projects.ProjectService.ProjectPayload;
import dev.talentgraph.projects.ProjectService.UpdateProjectInput;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The mutations of projects, their required skills and members, mapped onto {@link ProjectService},
 * which decides them.
 */
@Controller
class ProjectMutations {
  private final ProjectService projects;

  ProjectMutations(ProjectService projects) {
    this.projects = projects;
  }

  @MutationMapping
  Mono<ProjectPayload> createProject(
      @Argument CreateProjectInput input, DataFetchingEnvironment env) {
    return projects.createProject(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<ProjectPayload> updateProject(
      @Argument UpdateProjectInput input, DataFetchingEnvironment env) {
    return projects.updateProject(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<DeletePayload> deleteProject(
      @Argument NodeWrites.DeleteInput input, DataFetchingEnvironment env) {
    return projects.deleteProject(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<ProjectMemberPayload> addExpertToProject(
      @Argument AddExpertToProjectInput input, DataFetchingEnvironment env) {
    return projects.addExpertToProject(input, RoundTrips.of(env));
  }
}
