package dev.talentgraph.learning;

import dev.talentgraph.graphql.NodeWrites;
import dev.talentgraph.graphql.NodeWrites.DeletePayload;
import dev.talentgraph.graphql.RoundTrips;
import dev.talentgraph.learning.CourseService.CoursePayload;
import dev.talentgraph.learning.CourseService.CreateCourseInput;
import dev.talentgraph.learning.CourseService.UpdateCourseInput;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The mutations of courses and the skills they teach, mapped onto {@link CourseService}, which
 * decides them.
 */
@Controller
class CourseMutations {
  private final CourseService courses;

  CourseMutations(CourseService courses) {
    this.courses = courses;
  }

  @MutationMapping
  Mono<CoursePayload> createCourse(@Argument CreateCourseInput input, DataFetchingEnvironment env) {
    return courses.createCourse(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<CoursePayload> updateCourse(@Argument UpdateCourseInput input, DataFetchingEnvironment env) {
    return courses.updateCourse(input, RoundTrips.of(env));
  }

  @MutationMapping
  Mono<DeletePayload> deleteCourse(
      @Argument NodeWrites.DeleteInput input, DataFetchingEnvironment env) {
    return courses.deleteCourse(input, RoundTrips.of(env));
  }
}
